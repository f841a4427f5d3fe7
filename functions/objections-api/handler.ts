import type { TokenVerifier } from '../ports/identity.ts';
import { createRouteTableHandler } from '../shared/routeTable.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { OBJECTION_ROUTES, type ObjectionsApiUseCases } from './routes.ts';

export type { ObjectionsApiUseCases } from './routes.ts';

/**
 * The objections API's bureau routes (docs/api.md §13): the list of objections, one objection and its
 * review (Art 17(3), 18(4)), one use case per route (routes.ts). A participant's objection is filed
 * through `functions/objection-filing-api`, a function of its own (docs/aws.md "Bundle sizes"); who
 * may call which: docs/authorization.md.
 */
export const createObjectionsApiHandler = (useCases: ObjectionsApiUseCases, verifier: TokenVerifier, logger: Logger) =>
  createRouteTableHandler(OBJECTION_ROUTES, useCases, verifier, logger);
