import { describe, expect, it } from 'vitest';
import { AuthorizerVerifiedTokens } from '../../../functions/adapters/authorizerTokens.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { createWarningsApiHandler, type WarningsApiUseCases } from '../../../functions/warnings-api/handler.ts';
import { callHandler, apiEvent as event, inAnHour, unreachableUseCases } from '../../support/apiEvents.ts';

/**
 * The credit warnings API's handler before any use case runs: who is calling (the API's JWT
 * authorizer has verified the token and hands over its claims), which route, the body's shape. A
 * refused request reaches no use case, so none is wired here.
 */
const handler = createWarningsApiHandler(
  unreachableUseCases<WarningsApiUseCases>(),
  new AuthorizerVerifiedTokens(),
  createLogger('test'),
);
const call = (e: Parameters<typeof handler>[0]) => callHandler(handler, e);
const league = { role: 'league', league: '150600', exp: String(inAnHour()) };

describe('the credit warnings API handler', () => {
  it('401 without a token, saying it is missing; 401 for a bearer token the authorizer did not verify', async () => {
    const missing = await call(event('GET /v1/warnings'));
    expect([missing.status, missing.json.reason]).toEqual([401, 'missing']);
    const unverified = await call(event('GET /v1/warnings', { headers: { authorization: 'Bearer abc.def.ghi' } }));
    expect([unverified.status, unverified.json.reason]).toEqual([401, 'bad-signature']);
  });

  it('404 for a route it does not serve', async () => {
    const r = await call(event('DELETE /v1/warnings/{eventId}', { claims: league }));
    expect(r).toEqual({ status: 404, json: { error: '未找到该接口' } });
  });

  it('404 for the routes of the objections and the notices, which other functions serve', async () => {
    for (const routeKey of ['GET /v1/notices', 'GET /v1/cycles/{year}/{kind}/objections']) {
      const r = await call(event(routeKey, { claims: league }));
      expect(r).toEqual({ status: 404, json: { error: '未找到该接口' } });
    }
  });

  it('a body that is not JSON is a 400, and a participant’s role is refused before its body is read', async () => {
    const bad = await call(event('POST /v1/warnings', { claims: league, body: '{"subjectKind":' }));
    expect(bad).toMatchObject({ status: 400, json: { error: '请求无效：请求体不是有效的 JSON' } });
    const unit = await call(
      event('POST /v1/warnings', {
        claims: { role: 'enterprise', subject: '91150600MA0N000027', exp: String(inAnHour()) },
        body: '{}',
      }),
    );
    expect(unit.status).toBe(403);
  });

  it('a body of the wrong shape is a 400 naming each field', async () => {
    const r = await call(
      event('POST /v1/warnings/{eventId}/decision', {
        claims: league,
        path: { eventId: 'WARN-150600-20260401-1c39418d0053' },
        body: JSON.stringify({ decision: 'maybe', reasons: 3 }),
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path).sort()).toEqual(['decision', 'reasons']);
  });
});
