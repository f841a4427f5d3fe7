import type { TokenVerifier } from '../ports/identity.ts';
import { createRouteTableHandler } from '../shared/routeTable.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { NOTICE_ROUTES, type NoticesApiUseCases } from './routes.ts';

export type { NoticesApiUseCases } from './routes.ts';

/**
 * The notices API (docs/api.md §13): the notices a participant received, marked read (已读) when
 * first opened, and the notices a bureau issued. One function, one use case per route (routes.ts);
 * who may call which: docs/authorization.md.
 */
export const createNoticesApiHandler = (useCases: NoticesApiUseCases, verifier: TokenVerifier, logger: Logger) =>
  createRouteTableHandler(NOTICE_ROUTES, useCases, verifier, logger);
