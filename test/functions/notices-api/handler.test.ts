import { describe, expect, it } from 'vitest';
import { AuthorizerVerifiedTokens } from '../../../functions/adapters/authorizerTokens.ts';
import { createNoticesApiHandler, type NoticesApiUseCases } from '../../../functions/notices-api/handler.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { callHandler, apiEvent as event, inAnHour, unreachableUseCases } from '../../support/apiEvents.ts';

/**
 * The notices API's handler before any use case runs: who is calling (the API's JWT authorizer has
 * verified the token and hands over its claims), which route, its parameters. A refused request
 * reaches no use case, so none is wired here.
 */
const handler = createNoticesApiHandler(
  unreachableUseCases<NoticesApiUseCases>(),
  new AuthorizerVerifiedTokens(),
  createLogger('test'),
);
const call = (e: Parameters<typeof handler>[0]) => callHandler(handler, e);
const league = { role: 'league', league: '150600', exp: String(inAnHour()) };

describe('the notices API handler', () => {
  it('401 for claims without an expiry, before anything else is read', async () => {
    const r = await call(event('GET /v1/notices', { claims: { role: 'agency', subject: '91150600MA0N000019' } }));
    expect([r.status, r.json.reason]).toEqual([401, 'no-expiry']);
  });

  it('404 for the routes of the objections and the credit warnings, which other functions serve', async () => {
    for (const routeKey of ['GET /v1/warnings', 'POST /v1/cycles/{year}/{kind}/objections']) {
      const r = await call(event(routeKey, { claims: league }));
      expect(r).toEqual({ status: 404, json: { error: '未找到该接口' } });
    }
  });

  it('names a bad league and a bad page size at once', async () => {
    const r = await call(
      event('GET /v1/leagues/{league}/notices', {
        claims: league,
        path: { league: '159999' },
        query: { limit: '1000' },
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path)).toEqual(['league', 'limit']);
  });
});
