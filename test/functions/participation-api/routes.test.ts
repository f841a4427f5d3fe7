import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { OBJECTING_AGENCY, ORDOS, RECORD_A, RECORD_B, seedConfirmation } from '../../support/objections.ts';
import { callApi, dumpTable, staffToken, startTestRuntime } from '../../support/runtime.ts';
import { registerEnterprise, warningForm } from '../../support/warnings.ts';

/**
 * The participation API over the running service: a participant's objection and its review (Art 17(3)),
 * a credit warning from issue to confirmed rectification (Art 21-22), and the notices they issue.
 */
let rt: LocalRuntime;
let ordos: string;
let hohhot: string;
let region: string;
let agency: string;
let otherAgency: string;
let enterprise: string;
let otherEnterprise: string;
const ENT = uscc(941, ORDOS);
const OTHER_ENT = uscc(942, ORDOS);
const HOHHOT_ENT = uscc(943, '150100');
const OBJECTIONS = '/v1/cycles/2025/agency/objections';
/** A warning found on 2026-03-20, to rectify by 2026-04-30 (the runtime's clock stands at 2026-04-01). */
const form = (subjectId: string, over: Record<string, unknown> = {}) =>
  warningForm(subjectId, { occurredOn: '2026-03-20', deadline: '2026-04-30', ...over });

/** The table once the queues are drained: what "changes nothing" is checked against. */
const settled = async () => {
  await rt.drain();
  return dumpTable(rt);
};

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  await registerEnterprise(rt, ENT, '鄂尔多斯市接口预警测试有限公司');
  await registerEnterprise(rt, OTHER_ENT, '鄂尔多斯市另一测试有限公司');
  await registerEnterprise(rt, HOHHOT_ENT, '呼和浩特市接口预警测试有限公司', '150100');
  await rt.drain();
  ordos = await staffToken({ role: 'league', league: ORDOS });
  hohhot = await staffToken({ role: 'league', league: '150100' });
  region = await staffToken({ role: 'region', league: '150000' });
  agency = await staffToken({ role: 'agency', subject: OBJECTING_AGENCY });
  otherAgency = await staffToken({ role: 'agency', subject: uscc(944, ORDOS) });
  enterprise = await staffToken({ role: 'enterprise', subject: ENT });
  otherEnterprise = await staffToken({ role: 'enterprise', subject: OTHER_ENT });
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
});

describe('credit warnings in the API (Art 21-22)', () => {
  let eventId: string;
  const path = () => `/v1/warnings/${eventId}`;

  it('refuses a bad warning naming each field in Chinese, and stores nothing', async () => {
    const before = await settled();
    const out = await callApi(rt, 'POST', '/v1/warnings', ordos, form(ENT, { deadline: '2026-03-31', rule: '' }));
    expect(out.status).toBe(400);
    expect(out.json.issues.map((i: { path: string }) => i.path)).toContain('rule');
    const late = await callApi(rt, 'POST', '/v1/warnings', ordos, form(ENT, { deadline: '2026-03-31' }));
    expect(late.status).toBe(400);
    expect(late.json.issues).toEqual([{ path: 'deadline', message: '整改期限不能早于预警通知日期' }]);
    expect(await settled()).toBe(before);
  });

  it('a league bureau issues it to a unit of its league; the same warning again changes nothing', async () => {
    const first = await callApi(rt, 'POST', '/v1/warnings', ordos, form(ENT));
    expect(first.status).toBe(201);
    eventId = first.json.eventId;
    expect(eventId).toMatch(/^WARN-150600-20260401-/);
    const before = await settled();
    const again = await callApi(rt, 'POST', '/v1/warnings', ordos, form(ENT));
    expect(again).toMatchObject({ status: 201, json: { eventId } });
    expect(await settled()).toBe(before);
  });

  it('is not issued by the region, a unit, nor to another league’s unit', async () => {
    expect((await callApi(rt, 'POST', '/v1/warnings', region, form(ENT))).status).toBe(403);
    expect((await callApi(rt, 'POST', '/v1/warnings', enterprise, form(ENT))).status).toBe(403);
    const elsewhere = await callApi(rt, 'POST', '/v1/warnings', ordos, form(HOHHOT_ENT));
    expect(elsewhere.status).toBe(403);
  });

  it('lists the bureau’s warnings and the unit’s own, with the status and working days left', async () => {
    const bureau = await callApi(rt, 'GET', '/v1/warnings', ordos);
    expect(bureau.status).toBe(200);
    expect(bureau.json.league).toBe(ORDOS);
    expect(bureau.json.warnings).toEqual([
      expect.objectContaining({ eventId, status: 'open', statusName: '待整改', deadline: '2026-04-30' }),
    ]);
    expect(bureau.json.warnings[0].workingDaysLeft).toBeGreaterThan(0);
    const own = await callApi(rt, 'GET', '/v1/warnings', enterprise);
    expect(own.json.warnings.map((w: { eventId: string }) => w.eventId)).toEqual([eventId]);
    expect((await callApi(rt, 'GET', '/v1/warnings', otherEnterprise)).json.warnings).toEqual([]);
    expect((await callApi(rt, 'GET', '/v1/warnings', hohhot)).json.warnings).toEqual([]);
    expect((await callApi(rt, 'GET', '/v1/warnings', region)).status).toBe(403);
  });

  it('shows one warning to its bureau and the unit; to others it does not exist', async () => {
    const one = await callApi(rt, 'GET', path(), enterprise);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ eventId, rectificationRequired: '补齐自行监测方案并开展监测。', status: 'open' });
    expect((await callApi(rt, 'GET', path(), ordos)).status).toBe(200);
    expect(await callApi(rt, 'GET', path(), otherEnterprise)).toMatchObject({
      status: 404,
      json: { error: '未找到该信用预警' },
    });
    expect((await callApi(rt, 'GET', path(), hohhot)).status).toBe(404);
    expect((await callApi(rt, 'GET', '/v1/warnings/WARN-NONE-1', ordos)).status).toBe(404);
  });

  it('refuses a rectification after the deadline or by another unit, naming the field', async () => {
    const before = await settled();
    const late = await callApi(rt, 'POST', `${path()}/rectification`, enterprise, {
      rectifiedOn: '2026-05-02',
      text: '已整改。',
      evidenceFiles: [],
    });
    expect(late.status).toBe(400);
    expect(late.json.issues).toEqual([{ path: 'rectifiedOn', message: '整改完成日期不能晚于整改期限' }]);
    const missing = await callApi(rt, 'POST', `${path()}/rectification`, enterprise, {
      text: '已整改。',
      evidenceFiles: [],
    });
    expect(missing.status).toBe(400);
    expect(missing.json.issues[0].path).toBe('rectifiedOn');
    const other = await callApi(rt, 'POST', `${path()}/rectification`, otherEnterprise, {
      rectifiedOn: '2026-03-31',
      text: '已整改。',
      evidenceFiles: [],
    });
    expect(other.status).toBe(404);
    expect(
      (
        await callApi(rt, 'POST', `${path()}/rectification`, ordos, {
          rectifiedOn: '2026-03-31',
          text: '已整改。',
          evidenceFiles: [],
        })
      ).status,
    ).toBe(403);
    expect(await settled()).toBe(before);
  });

  it('the unit reports its rectification; the same report again is refused and changes nothing', async () => {
    const report = { rectifiedOn: '2026-03-31', text: '已补齐自行监测方案并委托监测。', evidenceFiles: [] };
    const done = await callApi(rt, 'POST', `${path()}/rectification`, enterprise, report);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ eventId, status: 'reported', rectifiedOn: '2026-03-31' });
    const before = await settled();
    const again = await callApi(rt, 'POST', `${path()}/rectification`, enterprise, report);
    expect(again).toMatchObject({
      status: 409,
      json: { code: 'WARNING_STATE', error: '已报告整改，请等待生态环境局确认' },
    });
    expect(await settled()).toBe(before);
  });

  it('refuses a decision of another league (404), of a unit (403), or without its reasons (400 naming them)', async () => {
    const before = await settled();
    expect((await callApi(rt, 'POST', `${path()}/decision`, hohhot, { decision: 'confirm' })).status).toBe(404);
    expect((await callApi(rt, 'POST', `${path()}/decision`, enterprise, { decision: 'confirm' })).status).toBe(403);
    const reasons = await callApi(rt, 'POST', `${path()}/decision`, ordos, { decision: 'insufficient' });
    expect(reasons.status).toBe(400);
    expect(reasons.json.issues).toEqual([{ path: 'reasons', message: '请填写整改不到位的理由' }]);
    const decision = await callApi(rt, 'POST', `${path()}/decision`, ordos, { decision: 'accept' });
    expect(decision.status).toBe(400);
    expect(decision.json.issues[0]).toEqual({ path: 'decision', message: '请选择确认整改或整改不到位' });
    expect(await settled()).toBe(before);
  });

  it('the bureau confirms it (no deduction, Art 22); confirming again is refused and changes nothing', async () => {
    const done = await callApi(rt, 'POST', `${path()}/decision`, ordos, { decision: 'confirm' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ eventId, status: 'confirmed' });
    await rt.drain();
    expect((await rt.store.loadRecords([eventId])).get(eventId)).toMatchObject({ rectifiedOn: '2026-03-31' });
    const before = await settled();
    const again = await callApi(rt, 'POST', `${path()}/decision`, ordos, { decision: 'confirm' });
    expect(again).toMatchObject({ status: 409, json: { code: 'WARNING_STATE' } });
    expect(await settled()).toBe(before);
    expect((await callApi(rt, 'GET', path(), enterprise)).json).toMatchObject({
      status: 'confirmed',
      statusName: '已确认整改',
    });
  });

  it('the warning notice reached the unit, with its deadline', async () => {
    const notice = await callApi(rt, 'GET', `/v1/notices/warning-${eventId}`, enterprise);
    expect(notice.status).toBe(200);
    expect(notice.json).toMatchObject({ kind: 'warning', deadline: '2026-04-30', league: ORDOS });
    expect(notice.json.body).toContain('鄂尔多斯市接口预警测试有限公司');
  });

  it('pages a league’s issued notices by the cursor it returns', async () => {
    const paged = await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices?limit=1`, ordos);
    expect(paged.json.notices).toHaveLength(1);
    expect(paged.json.cursor).toEqual(expect.any(String));
    const next = await callApi(rt, 'GET', `/v1/leagues/${ORDOS}/notices?limit=1&cursor=${paged.json.cursor}`, ordos);
    expect(next.json.notices[0].id).not.toBe(paged.json.notices[0].id);
  });
});
