import type { TokenVerifier } from '../ports/identity.ts';
import { createRouteTableHandler } from '../shared/routeTable.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { WARNING_ROUTES, type WarningsApiUseCases } from './routes.ts';

export type { WarningsApiUseCases } from './routes.ts';

/**
 * The credit warnings API (docs/api.md §13): a league bureau's written warnings, the warned units'
 * rectification reports and the bureau's decisions on them (Art 21-22). One function, one use case
 * per route (routes.ts); who may call which: docs/authorization.md.
 */
export const createWarningsApiHandler = (useCases: WarningsApiUseCases, verifier: TokenVerifier, logger: Logger) =>
  createRouteTableHandler(WARNING_ROUTES, useCases, verifier, logger);
