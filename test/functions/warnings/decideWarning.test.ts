import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecideWarning } from '../../../functions/warnings/decideWarning.ts';
import { IssueWarning } from '../../../functions/warnings/issueWarning.ts';
import { ReportRectification } from '../../../functions/warnings/reportRectification.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { getScore, staffToken, startFrozenRuntime } from '../../support/runtime.ts';
import { leagueOfficer, registerEnterprise, unitUser, warningForm, warningPortsOn } from '../../support/warnings.ts';

const ENT = uscc(941, '150600');
const ref = { kind: 'enterprise' as const, id: ENT };
let rt: LocalRuntime;
let ports: ReturnType<typeof warningPortsOn>;
let decide: DecideWarning;
let report: ReportRectification;

const issued = async (over: Record<string, unknown>): Promise<string> => {
  const out = await new IssueWarning(ports).execute(leagueOfficer(), warningForm(ENT, over));
  if (out.status !== 'ok') throw new Error(JSON.stringify(out));
  await rt.drain();
  return out.value.eventId;
};
const reported = async (eventId: string, rectifiedOn = '2026-09-01') =>
  report.execute(unitUser(ENT), { eventId, rectifiedOn, text: '已整改。', evidenceFiles: [] });

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-09-01T02:00:00Z');
  ports = warningPortsOn(rt);
  decide = new DecideWarning(ports);
  report = new ReportRectification(ports);
  await registerEnterprise(rt, ENT, '鄂尔多斯市确认测试有限公司');
});
afterAll(() => rt?.stop());

describe('deciding on a reported rectification (Art 22, I8)', () => {
  it('Art 22: a confirmation records the reported date on the record through its lifecycle, so nothing is deducted', async () => {
    rt.clock.freeze(new Date('2026-09-01T02:00:00Z'));
    const eventId = await issued({ description: '确认用例' });
    expect((await reported(eventId)).status).toBe('ok');
    const out = await decide.execute(leagueOfficer(), { eventId, decision: 'confirm' });
    expect(out).toMatchObject({ status: 'ok', value: { status: 'confirmed', rectifiedOn: '2026-09-01' } });
    expect((await rt.store.getClaims([eventId])).get(eventId)?.rectifiedOn).toBe('2026-09-01');
    await rt.drain();
    expect((await rt.store.loadRecords([eventId])).get(eventId)?.rectifiedOn).toBe('2026-09-01');
    const audit = await rt.store.auditOf(ref);
    expect(audit.find((a) => a.action === 'warning.confirmed')).toMatchObject({ actor: 'staff:league:150600' });
    // Long after the deadline, it is still not deducted.
    rt.clock.freeze(new Date('2026-12-01T02:00:00Z'));
    const score = await getScore(rt, 'enterprise', ENT, {
      token: await staffToken({ role: 'league', league: '150600' }),
    });
    const item = (score.json.items as { eventId: string; state: string }[]).find((i) => i.eventId === eventId);
    expect(item?.state).not.toBe('counted');
  });

  it('I8: a confirmation after the deadline is refused in Chinese and the record is left as it was', async () => {
    rt.clock.freeze(new Date('2026-09-01T02:00:00Z'));
    const eventId = await issued({ description: '逾期确认用例', deadline: '2026-09-05' });
    expect((await reported(eventId)).status).toBe('ok');
    rt.clock.freeze(new Date('2026-09-06T02:00:00Z'));
    const out = await decide.execute(leagueOfficer(), { eventId, decision: 'confirm' });
    expect(out.status).toBe('conflict');
    if (out.status !== 'conflict') return;
    expect(out.message).toContain('整改期限已过');
    expect((await rt.store.getClaims([eventId])).get(eventId)?.rectifiedOn).toBeNull();
  });

  it('整改不到位 needs reasons; then the unit may report again within the deadline', async () => {
    rt.clock.freeze(new Date('2026-09-01T02:00:00Z'));
    const eventId = await issued({ description: '整改不到位用例' });
    await reported(eventId);
    expect(await decide.execute(leagueOfficer(), { eventId, decision: 'insufficient', reasons: ' ' })).toMatchObject({
      status: 'invalid',
      issues: [{ path: 'reasons' }],
    });
    const out = await decide.execute(leagueOfficer(), {
      eventId,
      decision: 'insufficient',
      reasons: '监测报告缺少第三季度数据。',
    });
    expect(out).toMatchObject({ status: 'ok', value: { status: 'insufficient' } });
    expect((await rt.store.getClaims([eventId])).get(eventId)?.rectifiedOn).toBeNull();
    expect((await reported(eventId)).status).toBe('ok');
  });

  it('refuses to confirm what the unit has not reported, and another league’s warning is not found', async () => {
    rt.clock.freeze(new Date('2026-09-01T02:00:00Z'));
    const eventId = await issued({ description: '未报告用例' });
    const out = await decide.execute(leagueOfficer(), { eventId, decision: 'confirm' });
    expect(out).toMatchObject({ status: 'conflict', message: '参评单位尚未报告整改完成，不能确认' });
    expect((await decide.execute(leagueOfficer('150100'), { eventId, decision: 'confirm' })).status).toBe('notFound');
    expect((await decide.execute(unitUser(ENT), { eventId, decision: 'confirm' })).status).toBe('forbidden');
  });
});
