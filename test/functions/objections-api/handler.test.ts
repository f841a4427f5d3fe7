import { describe, expect, it } from 'vitest';
import { AuthorizerVerifiedTokens } from '../../../functions/adapters/authorizerTokens.ts';
import { createObjectionsApiHandler, type ObjectionsApiUseCases } from '../../../functions/objections-api/handler.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { callHandler, apiEvent as event, inAnHour, unreachableUseCases } from '../../support/apiEvents.ts';

/**
 * The objections API's handler before any use case runs: which route, and every bad path or query
 * parameter named at once. A refused request reaches no use case, so none is wired here.
 */
const handler = createObjectionsApiHandler(
  unreachableUseCases<ObjectionsApiUseCases>(),
  new AuthorizerVerifiedTokens(),
  createLogger('test'),
);
const call = (e: Parameters<typeof handler>[0]) => callHandler(handler, e);
const league = { role: 'league', league: '150600', exp: String(inAnHour()) };

describe('the objections API handler', () => {
  it('401 without a token, saying it is missing', async () => {
    const missing = await call(
      event('GET /v1/cycles/{year}/{kind}/objections', { path: { year: '2025', kind: 'agency' } }),
    );
    expect([missing.status, missing.json.reason]).toEqual([401, 'missing']);
  });

  it('404 for the routes of the credit warnings and the notices, which other functions serve', async () => {
    for (const routeKey of ['GET /v1/warnings', 'GET /v1/notices']) {
      const r = await call(event(routeKey, { claims: league }));
      expect(r).toEqual({ status: 404, json: { error: '未找到该接口' } });
    }
  });

  it('404 for a participant’s objection, which the objection filing API serves', async () => {
    const r = await call(
      event('POST /v1/cycles/{year}/{kind}/objections', {
        claims: { role: 'agency', subject: '91150600MA0N000019', exp: String(inAnHour()) },
        path: { year: '2025', kind: 'agency' },
        body: JSON.stringify({ records: [], reasons: '理由' }),
      }),
    );
    expect(r).toEqual({ status: 404, json: { error: '未找到该接口' } });
  });

  it('names every bad path and query parameter at once', async () => {
    const r = await call(
      event('GET /v1/cycles/{year}/{kind}/objections', {
        claims: league,
        path: { year: '25', kind: 'citizen' },
        query: { league: '159999' },
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path)).toEqual(['year', 'kind', 'league']);
  });

  it('a review of the wrong shape is a 400 naming the field, and a participant may not review', async () => {
    const path = { year: '2025', kind: 'agency', objectionId: 'agency-91150600MA0N000019-2025-3f2a9c1d0b4e' };
    const bad = await call(
      event('POST /v1/cycles/{year}/{kind}/objections/{objectionId}/review', {
        claims: league,
        path,
        body: JSON.stringify({ reviews: 'all' }),
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.issues?.map((i) => i.path)).toEqual(['reviews']);
    const unit = await call(
      event('POST /v1/cycles/{year}/{kind}/objections/{objectionId}/review', {
        claims: { role: 'agency', subject: '91150600MA0N000019', exp: String(inAnHour()) },
        path,
        body: JSON.stringify({ reviews: [] }),
      }),
    );
    expect(unit.status).toBe(403);
  });
});
