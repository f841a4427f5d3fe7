import type { TokenVerifier } from '../ports/identity.ts';
import { createRouteTableHandler } from '../shared/routeTable.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { OBJECTION_FILING_ROUTES, type ObjectionFilingApiUseCases } from './routes.ts';

export type { ObjectionFilingApiUseCases } from './routes.ts';

/**
 * A participant's objection over the API (docs/api.md §13; Art 17(3), 18(4)): a function of its own
 * beside the bureau's routes (`functions/objections-api`), as filing one checks the disputed records
 * against the live result (the evaluation) while a review corrects them through the record claim path
 * (docs/aws.md "Bundle sizes"). Who may file: docs/authorization.md.
 */
export const createObjectionFilingApiHandler = (
  useCases: ObjectionFilingApiUseCases,
  verifier: TokenVerifier,
  logger: Logger,
) => createRouteTableHandler(OBJECTION_FILING_ROUTES, useCases, verifier, logger);
