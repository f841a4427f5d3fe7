import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { parseRequest, refusalResponse, respond } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { authorize } from '../shared/policy.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { ListStuckClaims } from '../stuck-claims/listStuckClaims.ts';
import type { RedriveStuckClaim } from '../stuck-claims/redriveStuckClaim.ts';
import { notStuckWording, stuckEventPath } from './contracts.ts';
import { LIST_WORDING, REDRIVE_WORDING, redrivenResponse, stuckListResponse } from './responses.ts';

export interface IngestStuckUseCases {
  readonly listStuckClaims: Pick<ListStuckClaims, 'execute'>;
  readonly redriveStuckClaim: Pick<RedriveStuckClaim, 'execute'>;
}

/**
 * `GET /v1/ingest/stuck` (the bureau's list of claims set aside, with their cause) and
 * `POST /v1/ingest/stuck/{eventId}/redrive` (send them again once the cause is fixed); docs/api.md §9.
 */
export const createIngestStuckHandler = (useCases: IngestStuckUseCases, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const listing = event.routeKey === 'GET /v1/ingest/stuck';
    const caller = await identify(event, verifier);
    const may = authorize(caller, 'ingest.manage');
    if (!may.ok) return refusalResponse(may.refusal, listing ? LIST_WORDING : REDRIVE_WORDING);
    if (listing) return respond(await useCases.listStuckClaims.execute(caller), stuckListResponse);
    const req = parseRequest({ path: [stuckEventPath, event.pathParameters ?? {}] });
    if (req.status !== 'ok') return refusalResponse(req);
    const { eventId } = req.value.path;
    const outcome = await useCases.redriveStuckClaim.execute(caller, eventId);
    return respond(outcome, ({ messages }) => redrivenResponse(eventId, messages), notStuckWording(eventId));
  });
