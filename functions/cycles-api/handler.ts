import type { Logger } from '@aws-lambda-powertools/logger';
import { httpHandler } from '../shared/middleware.ts';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { badRequest, errorResponse, header, json, jsonBody, type HttpResponse } from '../shared/http.ts';
import type { CycleOutcome, CycleService } from '../cycles/cycleService.ts';

/**
 * The cycles API (issue 5 §1): `POST /v1/cycles`, `POST /v1/cycles/{year}/{kind}/acts`,
 * `GET /v1/cycles/{year}/{kind}`, `PUT /v1/calendars/{year}`. One function, one use case per route.
 */
const respond = <T>(outcome: CycleOutcome<T>, okStatus = 200): HttpResponse => {
  switch (outcome.status) {
    case 'ok':
      return json(okStatus, outcome.value);
    case 'invalid':
      return badRequest(outcome.issues);
    case 'notFound':
      return errorResponse(404, '未找到该评价周期');
    case 'forbidden':
      return errorResponse(403, '该程序行为不属于您的职责（《暂行办法》第八条、第十六至十八条）');
    case 'unauthorized':
      return errorResponse(401, '需要有效的工作人员令牌');
    case 'exists':
      return errorResponse(409, '该评价周期已开启');
    case 'refused':
      return json(409, { error: outcome.message, code: outcome.code });
  }
};

export const createCyclesApiHandler = (service: CycleService, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    const parsed = jsonBody(event);
    if (!parsed.ok) return parsed.response;
    const body = parsed.value;
    const p = event.pathParameters ?? {};
    const year = Number(p.year);
    if (p.year !== undefined && !/^\d{4}$/.test(p.year)) return badRequest([{ path: 'year', message: '年度须为四位数字' }]);
    const why = header(event, 'x-reason');
    switch (event.routeKey) {
      case 'POST /v1/cycles':
        return respond(await service.open(caller, body), 201);
      case 'POST /v1/cycles/{year}/{kind}/acts':
        return respond(await service.act(caller, year, p.kind ?? '', body, why ? decodeURIComponent(why) : null));
      case 'GET /v1/cycles/{year}/{kind}':
        return respond(await service.read(caller, year, p.kind ?? ''));
      case 'PUT /v1/calendars/{year}':
        return respond(await service.loadCalendar(caller, year, body));
      default:
        return errorResponse(404, '未找到该接口');
    }
  });
