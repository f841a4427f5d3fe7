import type * as z from 'zod/mini';
import type { StaffClaims, TokenVerifier } from '../ports/identity.ts';
import { type Caller, identify } from './auth.ts';
import {
  errorResponse,
  type HttpResponse,
  json,
  jsonBody,
  parseRequest,
  refusalResponse,
  tokenUnauthorized,
} from './http.ts';
import { httpHandler } from './middleware.ts';
import { type Action, authorize } from './policy.ts';
import type { Logger } from './structuredLogger.ts';

/** A request parsed with its route's contracts, its caller holding a valid token (and the route's action, if any). */
export interface Parsed<P, Q, B> {
  readonly caller: Caller;
  readonly claims: StaffClaims;
  readonly path: P;
  readonly query: Q;
  readonly body: B;
}

/** One route of a table: its contracts, the action its caller's role needs, and what it runs with the use cases `U`. */
export interface Route<U, P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType> {
  /** The action the caller's role must be allowed; null when the route serves bureaus and participants alike. */
  readonly action: Action | null;
  readonly path: P;
  readonly query: Q | null;
  /** The body's contract; a route without a body reads none. */
  readonly body: B | null;
  run(uc: U, r: Parsed<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<HttpResponse>;
}

export type AnyRoute<U> = Route<U, z.ZodMiniType, z.ZodMiniType, z.ZodMiniType>;

/** The routes of one function by API Gateway route key (`GET /v1/notices`). */
export type RouteTable<U> = Readonly<Record<string, AnyRoute<U>>>;

/** The `route(…)` of a table over the use cases `U`: each route keeps its own contracts' types. */
export const routeOf =
  <U>() =>
  <P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType>(r: Route<U, P, Q, B>): AnyRoute<U> =>
    r as unknown as AnyRoute<U>;

/** A success answered with this status and the value as its body. */
export const status = (code: number) => (value: unknown) => json(code, value);

/**
 * A JSON API function served from a route table (docs/api.md): who is calling (the API's JWT
 * authorizer has verified the token), which route, then its path and query parsed (every bad
 * parameter named at once), the caller's role authorised for the route's action, the body parsed,
 * and the route run with the function's use cases. A refused request reaches no use case.
 */
export const createRouteTableHandler = <U>(
  routes: RouteTable<U>,
  useCases: U,
  verifier: TokenVerifier,
  logger: Logger,
) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const route = routes[event.routeKey];
    if (!route) return errorResponse(404, '未找到该接口');
    const body = jsonBody(event);
    if (!body.ok) return body.response;
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
    const parsedBody = route.body ? parseRequest({ body: [route.body, body.value ?? {}] }) : null;
    if (parsedBody && parsedBody.status !== 'ok') return refusalResponse(parsedBody);
    const values = input.value as { path: unknown; query?: unknown };
    return route.run(useCases, {
      caller,
      claims: caller.claims,
      path: values.path,
      query: values.query ?? {},
      body: parsedBody?.status === 'ok' ? parsedBody.value.body : undefined,
    });
  });
