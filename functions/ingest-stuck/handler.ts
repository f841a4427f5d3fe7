import type { Logger } from '@aws-lambda-powertools/logger';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { json, parseRequest, refusalResponse, respond } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { authorize } from '../shared/policy.ts';
import { stuckEventPath } from './contracts.ts';
import type { ListStuckClaims } from './listStuckClaims.ts';
import type { RedriveStuckClaim } from './redriveStuckClaim.ts';

export interface IngestStuckUseCases {
  readonly listStuckClaims: Pick<ListStuckClaims, 'execute'>;
  readonly redriveStuckClaim: Pick<RedriveStuckClaim, 'execute'>;
}

const LIST_WORDING = { forbidden: '仅自治区或盟市生态环境部门可查看未能入库的记录' };
const REDRIVE_WORDING = { forbidden: '仅自治区或盟市生态环境部门可重新投递' };

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
    if (listing) {
      const items = await useCases.listStuckClaims.execute(caller);
      return respond(items, (list) =>
        json(200, {
          items: list.map((e) => ({
            eventId: e.key.eventId,
            entry: e.key.entry,
            subject: e.subject,
            league: e.league,
            source: e.source,
            attempts: e.attempts,
            error: e.error,
            since: e.since,
          })),
        }),
      );
    }
    const req = parseRequest({ path: [stuckEventPath, event.pathParameters ?? {}] });
    if (req.status !== 'ok') return refusalResponse(req);
    const { eventId } = req.value.path;
    const outcome = await useCases.redriveStuckClaim.execute(caller, eventId);
    return respond(outcome, ({ messages }) => json(202, { eventId, redriven: messages }), {
      notFound: `没有未能入库的事件编号：${eventId}`,
    });
  });
