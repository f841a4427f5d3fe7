import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { AuthorizerVerifiedTokens } from '../../../functions/adapters/authorizerTokens.ts';
import { createParticipationApiHandler } from '../../../functions/participation-api/handler.ts';
import type { ParticipationApiUseCases } from '../../../functions/participation-api/routes.ts';
import { createLogger } from '../../../functions/shared/logger.ts';

/**
 * The participation API's handler before any use case runs: who is calling (the API's JWT authorizer
 * has verified the token and hands over its claims), which route, and every bad path or query
 * parameter named at once. A refused request reaches no use case, so none is wired here.
 */
const unreachable = new Proxy({} as ParticipationApiUseCases, {
  get: () => {
    throw new Error('no use case is reached by a refused request');
  },
});
const handler = createParticipationApiHandler(unreachable, new AuthorizerVerifiedTokens(), createLogger('test'));

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const event = (
  routeKey: string,
  over: {
    claims?: Record<string, unknown>;
    path?: Record<string, string>;
    query?: Record<string, string>;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2 =>
  ({
    routeKey,
    rawPath: '/',
    pathParameters: over.path,
    queryStringParameters: over.query,
    headers: over.headers ?? {},
    body: over.body,
    isBase64Encoded: false,
    requestContext: over.claims ? { authorizer: { jwt: { claims: over.claims } } } : {},
  }) as unknown as APIGatewayProxyEventV2;
const call = async (e: APIGatewayProxyEventV2) => {
  const res = await handler(e);
  return {
    status: res.statusCode,
    json: JSON.parse(res.body) as { error: string; reason?: string; issues?: { path: string }[] },
  };
};
const league = { role: 'league', league: '150600', exp: String(inAnHour()) };

describe('the participation API handler', () => {
  it('401 without a token, saying it is missing; 401 for a bearer token the authorizer did not verify', async () => {
    const missing = await call(event('GET /v1/warnings'));
    expect([missing.status, missing.json.reason]).toEqual([401, 'missing']);
    const unverified = await call(event('GET /v1/warnings', { headers: { authorization: 'Bearer abc.def.ghi' } }));
    expect([unverified.status, unverified.json.reason]).toEqual([401, 'bad-signature']);
  });

  it('401 for claims without an expiry, before anything else is read', async () => {
    const r = await call(event('GET /v1/notices', { claims: { role: 'agency', subject: '91150600MA0N000019' } }));
    expect([r.status, r.json.reason]).toEqual([401, 'no-expiry']);
  });

  it('404 for a route it does not serve', async () => {
    const r = await call(event('DELETE /v1/warnings/{eventId}', { claims: league }));
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
