import { describe, expect, it } from 'vitest';
import { AuthorizerVerifiedTokens } from '../../../functions/adapters/authorizerTokens.ts';
import {
  createObjectionFilingApiHandler,
  type ObjectionFilingApiUseCases,
} from '../../../functions/objection-filing-api/handler.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { callHandler, apiEvent as event, inAnHour, unreachableUseCases } from '../../support/apiEvents.ts';

/**
 * The participant's objection over the API, in the handler before any use case runs: which route,
 * every bad path parameter and body field named, who may file. A refused request reaches no use
 * case, so none is wired here.
 */
const handler = createObjectionFilingApiHandler(
  unreachableUseCases<ObjectionFilingApiUseCases>(),
  new AuthorizerVerifiedTokens(),
  createLogger('test'),
);
const call = (e: Parameters<typeof handler>[0]) => callHandler(handler, e);
const FILE = 'POST /v1/cycles/{year}/{kind}/objections';
const agency = { role: 'agency', subject: '91150600MA0N000019', exp: String(inAnHour()) };
const league = { role: 'league', league: '150600', exp: String(inAnHour()) };
const objection = JSON.stringify({ records: ['OBJ-NOTIFIED-1'], reasons: '该通报批评已于2025年撤销。' });

describe('the objection filing API handler', () => {
  it('401 without a token, saying it is missing', async () => {
    const missing = await call(event(FILE, { path: { year: '2025', kind: 'agency' }, body: objection }));
    expect([missing.status, missing.json.reason]).toEqual([401, 'missing']);
  });

  it('404 for the bureau’s routes of the objections, which the objections API serves', async () => {
    const path = { year: '2025', kind: 'agency', objectionId: 'agency-91150600MA0N000019-2025-3f2a9c1d0b4e' };
    for (const routeKey of [
      'GET /v1/cycles/{year}/{kind}/objections',
      'GET /v1/cycles/{year}/{kind}/objections/{objectionId}',
      'POST /v1/cycles/{year}/{kind}/objections/{objectionId}/review',
    ]) {
      const r = await call(event(routeKey, { claims: league, path, body: JSON.stringify({ reviews: [] }) }));
      expect(r).toEqual({ status: 404, json: { error: '未找到该接口' } });
    }
  });

  it('names every bad path parameter at once', async () => {
    const r = await call(event(FILE, { claims: agency, path: { year: '25', kind: 'citizen' }, body: objection }));
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path)).toEqual(['year', 'kind']);
  });

  it('an objection of the wrong shape is a 400 naming each field, in Chinese', async () => {
    const r = await call(
      event(FILE, {
        claims: agency,
        path: { year: '2025', kind: 'agency' },
        body: JSON.stringify({ records: ['OBJ 1'], preGrade: 'yes', reasons: 7, evidenceFiles: 'none' }),
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([
      { path: 'records[0]', message: '事件编号须为1至128位字母、数字或 . _ : - 字符' },
      { path: 'preGrade', message: 'preGrade 须为 true 或 false' },
      { path: 'reasons', message: '异议理由须为字符串' },
      { path: 'evidenceFiles', message: 'evidenceFiles 须为数组' },
    ]);
  });

  it('a bureau may not file an objection (403)', async () => {
    const r = await call(event(FILE, { claims: league, path: { year: '2025', kind: 'agency' }, body: objection }));
    expect(r.status).toBe(403);
  });
});
