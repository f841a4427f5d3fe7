import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { CONFIRMATION_NOTIFIED_AT, ORDOS } from '../../support/objections.ts';
import { callApi, dumpTable, staffToken, startTestRuntime } from '../../support/runtime.ts';
import { registerEnterprise, warningForm } from '../../support/warnings.ts';

/**
 * The credit warnings API over the running service: a warning from issue to confirmed rectification
 * (Art 21-22), and the notice it issues to the unit.
 */
let rt: LocalRuntime;
let ordos: string;
let hohhot: string;
let region: string;
let enterprise: string;
let otherEnterprise: string;
const ENT = uscc(941, ORDOS);
const OTHER_ENT = uscc(942, ORDOS);
const HOHHOT_ENT = uscc(943, '150100');
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
  rt.clock.set(new Date(CONFIRMATION_NOTIFIED_AT));
  await registerEnterprise(rt, ENT, '鄂尔多斯市接口预警测试有限公司');
  await registerEnterprise(rt, OTHER_ENT, '鄂尔多斯市另一测试有限公司');
  await registerEnterprise(rt, HOHHOT_ENT, '呼和浩特市接口预警测试有限公司', '150100');
  await rt.drain();
  ordos = await staffToken({ role: 'league', league: ORDOS });
  hohhot = await staffToken({ role: 'league', league: '150100' });
  region = await staffToken({ role: 'region', league: '150000' });
  enterprise = await staffToken({ role: 'enterprise', subject: ENT });
  otherEnterprise = await staffToken({ role: 'enterprise', subject: OTHER_ENT });
}, 120_000);
afterAll(async () => rt?.stop());

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
});
