import type { Logger } from '@aws-lambda-powertools/logger';
import { httpHandler } from '../shared/middleware.ts';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { badRequest, errorResponse, json } from '../shared/http.ts';
import type { LookupScore } from './lookupScore.ts';

/** `GET /v1/subjects/{kind}/{id}/score?year=&asOf=` for the public and for staff (API.md §3). */
export const createScoreLookupHandler = (useCase: LookupScore, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    const q = event.queryStringParameters ?? {};
    const outcome = await useCase.execute(caller, {
      kind: event.pathParameters?.kind ?? '',
      id: event.pathParameters?.id ?? '',
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.asOf !== undefined ? { asOf: q.asOf } : {}),
    });
    switch (outcome.status) {
      case 'ok':
        return json(200, outcome.body, { 'cache-control': outcome.body.status === 'published' ? 'public, max-age=300' : 'no-store' });
      case 'invalid':
        return badRequest(outcome.issues);
      case 'notFound':
        return errorResponse(404, '未找到该主体的评价结果');
      case 'forbidden':
        return errorResponse(403, '无权查看该主体（不在管辖范围内）');
      case 'unauthorized':
        return errorResponse(401, '令牌无效或已过期');
    }
  });
