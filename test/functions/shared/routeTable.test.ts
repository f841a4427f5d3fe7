import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AuthorizerVerifiedTokens } from '../../../functions/adapters/authorizerTokens.ts';
import { json } from '../../../functions/shared/http.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { createRouteTableHandler, type RouteTable, routeOf, status } from '../../../functions/shared/routeTable.ts';
import { callHandler, apiEvent as event, inAnHour } from '../../support/apiEvents.ts';

/**
 * A function served from a route table: the order of its checks (token, route, path and query, role,
 * body) and what a route runs with once they pass. The table here is the test's own.
 */
interface UseCases {
  readonly seen: unknown[];
}
const route = routeOf<UseCases>();
const ROUTES: RouteTable<UseCases> = {
  'POST /v1/things/{year}': route({
    action: 'warning.issue',
    path: z.object({ year: z.string().check(z.regex(/^\d{4}$/, { error: '年度须为四位数字' })) }),
    query: z.object({ page: z.optional(z.string().check(z.regex(/^\d+$/, { error: '页码须为数字' }))) }),
    body: z.object({ name: z.string({ error: '名称须为字符串' }) }),
    run: async (uc, r) => {
      uc.seen.push({ role: r.claims.role, path: r.path, query: r.query, body: r.body });
      return json(201, { year: Number(r.path.year), name: r.body.name });
    },
  }),
  'GET /v1/things': route({
    action: null,
    path: z.object({}),
    query: null,
    body: null,
    run: async (_, r) => status(200)({ role: r.claims.role }),
  }),
};
const useCases: UseCases = { seen: [] };
const handler = createRouteTableHandler(ROUTES, useCases, new AuthorizerVerifiedTokens(), createLogger('test'));
const call = (e: Parameters<typeof handler>[0]) => callHandler(handler, e);
const league = { role: 'league', league: '150600', exp: String(inAnHour()) };
const unit = { role: 'enterprise', subject: '91150600MA0N000027', exp: String(inAnHour()) };

describe('a function served from a route table', () => {
  it('refuses a token the authorizer did not verify before it looks the route up', async () => {
    const r = await call(event('DELETE /v1/nowhere', { headers: { authorization: 'Bearer abc.def.ghi' } }));
    expect([r.status, r.json.reason]).toEqual([401, 'bad-signature']);
  });

  it('refuses a request without a token once its parameters are valid, and runs nothing', async () => {
    const bad = await call(event('POST /v1/things/{year}', { path: { year: '25' }, body: '{}' }));
    expect(bad.status).toBe(400);
    const r = await call(event('POST /v1/things/{year}', { path: { year: '2026' }, body: '{"name":"x"}' }));
    expect([r.status, r.json.reason]).toEqual([401, 'missing']);
    expect(useCases.seen).toEqual([]);
  });

  it('404 for a route not in its table', async () => {
    expect(await call(event('DELETE /v1/things', { claims: league }))).toEqual({
      status: 404,
      json: { error: '未找到该接口' },
    });
  });

  it('names every bad path and query parameter at once, before the role is checked', async () => {
    const r = await call(
      event('POST /v1/things/{year}', { claims: unit, path: { year: '25' }, query: { page: 'x' }, body: '{}' }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path)).toEqual(['year', 'page']);
  });

  it('refuses a role the route’s action does not allow before it reads the body', async () => {
    const r = await call(event('POST /v1/things/{year}', { claims: unit, path: { year: '2026' }, body: '{}' }));
    expect(r.status).toBe(403);
    expect(useCases.seen).toEqual([]);
  });

  it('names a bad body field, and runs nothing', async () => {
    const r = await call(
      event('POST /v1/things/{year}', { claims: league, path: { year: '2026' }, body: '{"name":1}' }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path)).toEqual(['name']);
    expect(useCases.seen).toEqual([]);
  });

  it('runs the route with the caller’s claims and the parsed path, query and body', async () => {
    const r = await call(
      event('POST /v1/things/{year}', {
        claims: league,
        path: { year: '2026' },
        query: { page: '2' },
        body: JSON.stringify({ name: '测试' }),
      }),
    );
    expect(r).toEqual({ status: 201, json: { year: 2026, name: '测试' } });
    expect(useCases.seen).toEqual([
      { role: 'league', path: { year: '2026' }, query: { page: '2' }, body: { name: '测试' } },
    ]);
  });

  it('runs a route without an action for any caller with a valid token', async () => {
    const r = await call(event('GET /v1/things', { claims: unit }));
    expect(r).toEqual({ status: 200, json: { role: 'enterprise' } as never });
  });
});
