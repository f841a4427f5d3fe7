import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { OBJECTING_AGENCY, ORDOS, RECORD_A, RECORD_B, startWithConfirmation } from '../../support/objections.ts';
import { callApi, dumpTable, staffToken } from '../../support/runtime.ts';

/**
 * The objections API over the running service: a participant's objection (the objection filing
 * function) and the bureau's list, reading and review of it (Art 17(3)), with the notice of the
 * review's result.
 */
let rt: LocalRuntime;
let ordos: string;
let hohhot: string;
let region: string;
let agency: string;
let enterprise: string;
const ENT = uscc(941, ORDOS);
const OBJECTIONS = '/v1/cycles/2025/agency/objections';

/** The table once the queues are drained: what "changes nothing" is checked against. */
const settled = async () => {
  await rt.drain();
  return dumpTable(rt);
};

beforeAll(async () => {
  // A registered enterprise, whose token may not object in the agencies' cycle.
  ({ rt, ordos, hohhot, region, agency } = await startWithConfirmation(ENT));
  enterprise = await staffToken({ role: 'enterprise', subject: ENT });
}, 120_000);
afterAll(async () => rt?.stop());

describe('objections in the API (Art 17(3))', () => {
  let objectionId: string;
  const objection = { records: [RECORD_A], reasons: '该通报批评已于2025年撤销，附撤销文件。' };

  it('refuses an objection without reasons or naming another unit’s record, naming each field, and stores nothing', async () => {
    const before = await settled();
    const missing = await callApi(rt, 'POST', OBJECTIONS, agency, { records: [RECORD_A] });
    expect(missing.status).toBe(400);
    expect(missing.json.issues.map((i: { path: string }) => i.path)).toEqual(['reasons']);
    expect(missing.json.error).toContain('异议理由');
    const bad = await callApi(rt, 'POST', OBJECTIONS, agency, { records: ['NOT-MINE-1'], reasons: ' ' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'records', message: '信用信息 NOT-MINE-1 不是本单位本年度的信用信息' },
        { path: 'reasons', message: '异议理由不能为空' },
      ]),
    );
    expect(await settled()).toBe(before);
  });

  it('files the participant’s objection once: the same objection again is 200 and changes nothing', async () => {
    const first = await callApi(rt, 'POST', OBJECTIONS, agency, objection);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      filed: true,
      objection: { records: [RECORD_A], league: ORDOS, status: 'open', subject: { id: OBJECTING_AGENCY } },
    });
    objectionId = first.json.objection.id;
    const before = await settled();
    const again = await callApi(rt, 'POST', OBJECTIONS, agency, objection);
    expect(again).toMatchObject({ status: 200, json: { filed: false, objection: { id: objectionId } } });
    expect(await settled()).toBe(before);
  });

  it('is filed by the participant itself only, with a token', async () => {
    expect((await callApi(rt, 'POST', OBJECTIONS, ordos, objection)).status).toBe(403);
    const enterpriseOnAgencies = await callApi(rt, 'POST', OBJECTIONS, enterprise, objection);
    expect(enterpriseOnAgencies.status).toBe(403);
    const anonymous = await fetch(`${rt.url}${OBJECTIONS}`, { method: 'POST', body: JSON.stringify(objection) });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { reason: string }).reason).toBe('missing');
  });

  it('lists the cycle’s objections for the league’s bureau and the region, with the review limit', async () => {
    const own = await callApi(rt, 'GET', OBJECTIONS, ordos);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ year: 2025, kind: 'agency', leagues: [ORDOS] });
    expect(own.json.objections).toEqual([
      expect.objectContaining({
        id: objectionId,
        status: 'open',
        reviewBy: expect.objectContaining({ on: expect.any(String) }),
      }),
    ]);
    const all = await callApi(rt, 'GET', `${OBJECTIONS}?league=${ORDOS}`, region);
    expect(all.json.objections.map((o: { id: string }) => o.id)).toEqual([objectionId]);
    expect((await callApi(rt, 'GET', OBJECTIONS, hohhot)).json.objections).toEqual([]);
    expect((await callApi(rt, 'GET', '/v1/cycles/2025/practitioner/objections', ordos)).json.objections).toEqual([]);
  });

  it('refuses another league’s list (403), a participant (403) and a bad league (400 naming it)', async () => {
    const other = await callApi(rt, 'GET', `${OBJECTIONS}?league=${ORDOS}`, hohhot);
    expect(other.status).toBe(403);
    expect(other.json.error).toBe('只能查看和复核本盟市的异议，或只能对本单位的信用信息提出异议');
    expect((await callApi(rt, 'GET', OBJECTIONS, agency)).status).toBe(403);
    const bad = await callApi(rt, 'GET', `${OBJECTIONS}?league=159999`, region);
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0]).toEqual({ path: 'league', message: '盟市代码须为12个盟市之一' });
  });

  it('shows one objection with its disputed records to its league’s bureau; 403 to another league, 404 when none', async () => {
    const one = await callApi(rt, 'GET', `${OBJECTIONS}/${objectionId}`, ordos);
    expect(one.status).toBe(200);
    expect(one.json.objection).toMatchObject({ id: objectionId, reasons: objection.reasons });
    expect(one.json.records[RECORD_A]).toMatchObject({ eventId: RECORD_A, rule: 'AG_NOTIFIED' });
    expect((await callApi(rt, 'GET', `${OBJECTIONS}/${objectionId}`, hohhot)).status).toBe(403);
    const unknown = objectionId.replace(/[0-9a-f]{12}$/, '000000000000');
    const none = await callApi(rt, 'GET', `${OBJECTIONS}/${unknown}`, ordos);
    expect(none).toMatchObject({ status: 404, json: { error: '未找到该异议' } });
    expect((await callApi(rt, 'GET', `/v1/cycles/2024/agency/objections/${objectionId}`, ordos)).status).toBe(404);
    const malformed = await callApi(rt, 'GET', `${OBJECTIONS}/OBJ-1`, ordos);
    expect(malformed.status).toBe(400);
    expect(malformed.json.issues[0].path).toBe('objectionId');
  });

  it('refuses a review without reasons or of a record not disputed, naming each, and changes nothing', async () => {
    const before = await settled();
    const out = await callApi(rt, 'POST', `${OBJECTIONS}/${objectionId}/review`, ordos, {
      reviews: [
        { target: RECORD_A, outcome: 'revoked', reasons: '' },
        { target: RECORD_B, outcome: 'upheld', reasons: '维持' },
      ],
    });
    expect(out.status).toBe(400);
    expect(out.json.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining([`reviews.${RECORD_A}.reasons`, `reviews.${RECORD_B}`]),
    );
    const outcome = await callApi(rt, 'POST', `${OBJECTIONS}/${objectionId}/review`, ordos, {
      reviews: [{ target: RECORD_A, outcome: 'dismissed', reasons: '理由' }],
    });
    expect(outcome.status).toBe(400);
    expect(outcome.json.issues[0].path).toBe('reviews[0].outcome');
    expect(await settled()).toBe(before);
  });

  it('another league’s bureau may not review it; a participant may not either', async () => {
    const body = { reviews: [{ target: RECORD_A, outcome: 'revoked', reasons: '经核实已撤销。' }] };
    expect((await callApi(rt, 'POST', `${OBJECTIONS}/${objectionId}/review`, hohhot, body)).status).toBe(403);
    expect((await callApi(rt, 'POST', `${OBJECTIONS}/${objectionId}/review`, agency, body)).status).toBe(403);
  });

  it('reviews it: the record is revoked, the participant is notified, and the same review again changes nothing', async () => {
    const body = { reviews: [{ target: RECORD_A, outcome: 'revoked', reasons: '经核实，该通报批评已撤销。' }] };
    const done = await callApi(rt, 'POST', `${OBJECTIONS}/${objectionId}/review`, ordos, body);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({
      id: objectionId,
      status: 'reviewed',
      reviews: [{ target: RECORD_A, outcome: 'revoked' }],
    });
    const before = await settled();
    const again = await callApi(rt, 'POST', `${OBJECTIONS}/${objectionId}/review`, ordos, body);
    expect(again).toMatchObject({ status: 200, json: { id: objectionId, status: 'reviewed' } });
    expect(await settled()).toBe(before);
  });
});
