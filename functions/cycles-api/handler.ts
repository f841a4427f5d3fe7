import { CYCLES_WORDING } from '../cycles/contracts.ts';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import {
  encodedTextHeader,
  errorResponse,
  jsonBody,
  parseWith,
  refusalResponse,
  tokenUnauthorized,
} from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { authorize } from '../shared/policy.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { CYCLES_ROUTES, type CyclesApiUseCases } from './routes.ts';

export type { CyclesApiUseCases } from './routes.ts';

/**
 * The cycles API (docs/api.md §6): `POST /v1/cycles`, `POST /v1/cycles/{year}/{kind}/acts`,
 * `GET /v1/cycles/{year}/{kind}`, `PUT /v1/calendars/{year}`. One function, one use case per route
 * (routes.ts); who may call which: docs/authorization.md.
 */
export const createCyclesApiHandler = (useCases: CyclesApiUseCases, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const route = CYCLES_ROUTES[event.routeKey];
    if (!route) return errorResponse(404, '未找到该接口');
    const json = jsonBody(event);
    if (!json.ok) return json.response;
    const path = parseWith(route.path, event.pathParameters ?? {});
    if (path.status !== 'ok') return refusalResponse(path);
    const why = encodedTextHeader(event, 'x-reason');
    if (!why.ok) return why.response;
    const auth = authorize(caller, route.action);
    if (!auth.ok) return refusalResponse(auth.refusal, CYCLES_WORDING);
    const body = route.body ? parseWith(route.body, json.value ?? {}) : null;
    if (body && body.status !== 'ok') return refusalResponse(body);
    return route.run(useCases, { caller, claims: auth.claims, path: path.value, body: body?.value, why: why.value });
  });
