import type { LookupScore } from '../lookup/lookupScore.ts';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { json, refusalResponse, tokenUnauthorized } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';

const WORDING = { forbidden: '无权查看该主体（不在管辖范围内）', notFound: '未找到该主体的评价结果' };

/**
 * `GET /v1/subjects/{kind}/{id}/score?year=&asOf=&page=` for the public and for staff (docs/api.md §3).
 * The path and query are parsed by the use case with their contracts (`subjectPath`, `scoreQuery`):
 * the lookup is also asked outside HTTP. A published result may be cached for five minutes; a live score never.
 */
export const createScoreLookupHandler = (
  useCase: Pick<LookupScore, 'execute'>,
  verifier: TokenVerifier,
  logger: Logger,
) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const p = event.pathParameters ?? {};
    const outcome = await useCase.execute(caller, {
      kind: p.kind ?? '',
      id: p.id ?? '',
      ...event.queryStringParameters,
    });
    if (outcome.status !== 'ok') return refusalResponse(outcome, WORDING);
    return json(200, outcome.body, {
      'cache-control': outcome.body.status === 'published' ? 'public, max-age=300' : 'no-store',
    });
  });
