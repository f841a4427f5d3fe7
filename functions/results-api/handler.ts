import type { TokenVerifier } from '../ports/identity.ts';
import type { LookupMeasures } from '../results-use/lookupMeasures.ts';
import type { SamplingList } from '../results-use/samplingList.ts';
import { identify } from '../shared/auth.ts';
import { errorResponse, json, refusalResponse, tokenUnauthorized } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';

const SAMPLING_WORDING = { forbidden: '无权查看该盟市的抽查名单（不在管辖范围内）' };
const MEASURES_WORDING = { notFound: '未找到该主体已发布的评价结果' };

/**
 * The uses of the published results (docs/api.md §12): `GET /v1/sampling/{year}?league=&basePermille=`
 * (staff: the 双随机 sampling list, Art 28) and `GET /v1/subjects/{kind}/{id}/measures?date=` (anyone:
 * the measures in force, Art 29–31). Both parse their input in the use case.
 */
export const createResultsApiHandler = (
  useCases: { readonly sampling: Pick<SamplingList, 'execute'>; readonly measures: Pick<LookupMeasures, 'execute'> },
  verifier: TokenVerifier,
  logger: Logger,
) =>
  httpHandler(logger, async (event) => {
    const p = event.pathParameters ?? {};
    const q = event.queryStringParameters ?? {};
    switch (event.routeKey) {
      case 'GET /v1/sampling/{year}': {
        const caller = await identify(event, verifier);
        if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
        const outcome = await useCases.sampling.execute(caller, {
          year: p.year ?? '',
          league: q.league,
          basePermille: q.basePermille,
        });
        return outcome.status === 'ok'
          ? json(200, outcome.value, { 'cache-control': 'no-store' })
          : refusalResponse(outcome, SAMPLING_WORDING);
      }
      case 'GET /v1/subjects/{kind}/{id}/measures': {
        const outcome = await useCases.measures.execute({ kind: p.kind ?? '', id: p.id ?? '', date: q.date });
        return outcome.status === 'ok'
          ? json(200, outcome.value, { 'cache-control': 'public, max-age=300' })
          : refusalResponse(outcome, MEASURES_WORDING);
      }
      default:
        return errorResponse(404, '未找到该接口');
    }
  });
