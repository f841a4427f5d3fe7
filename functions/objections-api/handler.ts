import type { TokenVerifier } from '../ports/identity.ts';
import { createRouteTableHandler } from '../shared/routeTable.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { OBJECTION_ROUTES, type ObjectionsApiUseCases } from './routes.ts';

export type { ObjectionsApiUseCases } from './routes.ts';

/**
 * The objections API (docs/api.md §13): a participant's objections and a bureau's review of them
 * (Art 17(3), 18(4)). One function, one use case per route (routes.ts); who may call which:
 * docs/authorization.md.
 */
export const createObjectionsApiHandler = (useCases: ObjectionsApiUseCases, verifier: TokenVerifier, logger: Logger) =>
  createRouteTableHandler(OBJECTION_ROUTES, useCases, verifier, logger);
