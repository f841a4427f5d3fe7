import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { errorResponse, jsonBody, parseRequest, refusalResponse, tokenUnauthorized } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { authorize } from '../shared/policy.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { PARTICIPATION_ROUTES, type ParticipationApiUseCases } from './routes.ts';

export type { ParticipationApiUseCases } from './routes.ts';

/**
 * The participation API (docs/api.md §13): a participant's objections and a bureau's review of them
 * (Art 17(3), 18(4)), credit warnings (Art 21-22) and notices. One function, one use case per route
 * (routes.ts); who may call which: docs/authorization.md.
 */
export const createParticipationApiHandler = (
  useCases: ParticipationApiUseCases,
  verifier: TokenVerifier,
  logger: Logger,
) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const route = PARTICIPATION_ROUTES[event.routeKey];
    if (!route) return errorResponse(404, '未找到该接口');
    const json = jsonBody(event);
    if (!json.ok) return json.response;
    const input = parseRequest({
      path: [route.path, event.pathParameters ?? {}],
      ...(route.query ? { query: [route.query, event.queryStringParameters ?? {}] as const } : {}),
    });
    if (input.status !== 'ok') return refusalResponse(input);
    if (caller.type !== 'staff') return tokenUnauthorized('missing');
    if (route.action) {
      const auth = authorize(caller, route.action);
      if (!auth.ok) return refusalResponse(auth.refusal);
    }
    const body = route.body ? parseRequest({ body: [route.body, json.value ?? {}] }) : null;
    if (body && body.status !== 'ok') return refusalResponse(body);
    const values = input.value as { path: unknown; query?: unknown };
    return route.run(useCases, {
      caller,
      claims: caller.claims,
      path: values.path,
      query: values.query ?? {},
      body: body?.status === 'ok' ? body.value.body : undefined,
    });
  });
