import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { OBJECTING_AGENCY, ORDOS, RECORD_A, startWithConfirmation } from '../../support/objections.ts';
import { callApi, dumpTable, staffToken } from '../../support/runtime.ts';
import { warningForm } from '../../support/warnings.ts';

/**
 * The notices API over the running service: the notices an objection's review and a credit warning
 * issue, as their participant reads them and as the bureau that issued them lists them.
 */
let rt: LocalRuntime;
let ordos: string;
let hohhot: string;
let region: string;
let agency: string;
let otherAgency: string;
const ENT = uscc(941, ORDOS);

/** The table once the queues are drained: what "changes nothing" is checked against. */
const settled = async () => {
  await rt.drain();
  return dumpTable(rt);
};

beforeAll(async () => {
  ({ rt, ordos, hohhot, region, agency } = await startWithConfirmation(ENT));
  otherAgency = await staffToken({ role: 'agency', subject: uscc(944, ORDOS) });
  // The notices issued: the review of the agency's objection (revoked), and a credit warning to an enterprise.
  const objections = '/v1/cycles/2025/agency/objections';
  const filed = await callApi(rt, 'POST', objections, agency, {
    records: [RECORD_A],
    reasons: '该通报批评已于2025年撤销，附撤销文件。',
  });
  if (filed.status !== 201) throw new Error(`objection not filed: ${JSON.stringify(filed.json)}`);
  const reviewed = await callApi(rt, 'POST', `${objections}/${filed.json.objection.id}/review`, ordos, {
    reviews: [{ target: RECORD_A, outcome: 'revoked', reasons: '经核实，该通报批评已撤销。' }],
  });
  if (reviewed.status !== 200) throw new Error(`objection not reviewed: ${JSON.stringify(reviewed.json)}`);
  const warned = await callApi(
    rt,
    'POST',
    '/v1/warnings',
    ordos,
    warningForm(ENT, { occurredOn: '2026-03-20', deadline: '2026-04-30' }),
  );
  if (warned.status !== 201) throw new Error(`warning not issued: ${JSON.stringify(warned.json)}`);
  await rt.drain();
}, 120_000);
afterAll(async () => rt?.stop());

describe('notices in the API', () => {
  let noticeId: string;

  it('lists the participant’s own notices, the objection’s review result among them', async () => {
    const mine = await callApi(rt, 'GET', '/v1/notices', agency);
    expect(mine.status).toBe(200);
    const review = mine.json.notices.find((n: { kind: string }) => n.kind === 'objectionReview');
    expect(review).toMatchObject({ to: { kind: 'agency', id: OBJECTING_AGENCY }, league: ORDOS, readAt: null });
    expect(review.body).toContain('撤销');
    noticeId = review.id;
    expect((await callApi(rt, 'GET', '/v1/notices', otherAgency)).json.notices).toEqual([]);
  });

  it('opening a notice marks it read once; a later opening changes nothing', async () => {
    const first = await callApi(rt, 'GET', `/v1/notices/${noticeId}`, agency);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ id: noticeId, readAt: expect.stringMatching(/^2026-04-01T/) });
    const before = await settled();
    const again = await callApi(rt, 'GET', `/v1/notices/${noticeId}`, agency);
    expect(again.json.readAt).toBe(first.json.readAt);
    expect(await settled()).toBe(before);
  });

  it('another unit gets 404 for it, a bureau 403, a malformed id 400 naming it', async () => {
    expect(await callApi(rt, 'GET', `/v1/notices/${noticeId}`, otherAgency)).toMatchObject({
      status: 404,
      json: { error: '未找到该通知' },
    });
    expect((await callApi(rt, 'GET', `/v1/notices/${noticeId}`, ordos)).status).toBe(403);
    expect((await callApi(rt, 'GET', '/v1/notices', ordos)).status).toBe(403);
    const bad = await callApi(rt, 'GET', '/v1/notices/a%20b', agency);
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('noticeId');
  });

  it('lists a league’s issued notices with whether each was read, for its bureau and the region', async () => {
    const issued = await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices`, ordos);
    expect(issued.status).toBe(200);
    expect(issued.json.notices.find((n: { id: string }) => n.id === noticeId)).toMatchObject({
      readAt: expect.any(String),
    });
    expect((await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices`, region)).status).toBe(200);
  });

  it('refuses another league’s (403), a participant (403), a bad league or limit (400 naming it)', async () => {
    expect((await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices`, hohhot)).status).toBe(403);
    expect((await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices`, agency)).status).toBe(403);
    const league = await callApi(rt, 'GET', '/v1/leagues/159999/notices', ordos);
    expect(league.status).toBe(400);
    expect(league.json.issues[0].path).toBe('league');
    const limit = await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices?limit=1000`, ordos);
    expect(limit.status).toBe(400);
    expect(limit.json.issues[0]).toEqual({ path: 'limit', message: '每页条数须为1至100的整数' });
  });

  it('pages a league’s issued notices by the cursor it returns', async () => {
    const paged = await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices?limit=1`, ordos);
    expect(paged.json.notices).toHaveLength(1);
    expect(paged.json.cursor).toEqual(expect.any(String));
    const next = await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices?limit=1&cursor=${paged.json.cursor}`, ordos);
    expect(next.json.notices[0].id).not.toBe(paged.json.notices[0].id);
  });
});
