import type { Logger } from '@aws-lambda-powertools/logger';
import { httpHandler } from '../shared/middleware.ts';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { badRequest, errorResponse, json, jsonBody, type HttpResponse } from '../shared/http.ts';
import type { RepairOutcome, RepairService } from '../repairs/repairService.ts';

/** Credit repair (Art 23-27): apply, list, and the bureau's decision. */
const respond = <T>(outcome: RepairOutcome<T>, okStatus = 200): HttpResponse => {
  switch (outcome.status) {
    case 'ok':
      return json(okStatus, outcome.value);
    case 'invalid':
      return badRequest(outcome.issues);
    case 'refused':
      return json(422, { error: `不符合信用修复条件：${outcome.reasons.join('；')}`, reasons: outcome.reasons });
    case 'notFound':
      return errorResponse(404, '未找到该修复申请');
    case 'forbidden':
      return errorResponse(403, '无权办理该主体的信用修复（不在管辖范围内）');
    case 'unauthorized':
      return errorResponse(401, '需要有效的令牌');
    case 'conflict':
      return errorResponse(409, outcome.message);
  }
};

export const createRepairsApiHandler = (service: RepairService, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    const parsed = jsonBody(event);
    if (!parsed.ok) return parsed.response;
    const body = parsed.value;
    const { kind = '', id = '', applicationId = '' } = event.pathParameters ?? {};
    switch (event.routeKey) {
      case 'POST /v1/subjects/{kind}/{id}/repairs':
        return respond(await service.apply(caller, kind, id, body), 201);
      case 'GET /v1/subjects/{kind}/{id}/repairs':
        return respond(await service.list(caller, kind, id));
      case 'POST /v1/subjects/{kind}/{id}/repairs/{applicationId}/decision':
        return respond(await service.decide(caller, kind, id, applicationId, body));
      default:
        return errorResponse(404, '未找到该接口');
    }
  });
