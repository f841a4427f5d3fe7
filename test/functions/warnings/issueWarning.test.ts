import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueWarning } from '../../../functions/warnings/issueWarning.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { dumpTable, startFrozenRuntime } from '../../support/runtime.ts';
import { leagueOfficer, registerEnterprise, unitUser, warningForm, warningPortsOn } from '../../support/warnings.ts';

const ENT = uscc(931, '150600');
const ELSEWHERE = uscc(932, '150100');
let rt: LocalRuntime;
let ports: ReturnType<typeof warningPortsOn>;
let issue: IssueWarning;

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-09-01T02:00:00Z');
  ports = warningPortsOn(rt);
  issue = new IssueWarning(ports);
  await registerEnterprise(rt, ENT, '鄂尔多斯市预警测试有限公司');
  await registerEnterprise(rt, ELSEWHERE, '呼和浩特市预警测试有限公司', '150100');
});
afterAll(() => rt?.stop());

describe('issuing a credit warning (Art 21-22)', () => {
  it('claims a warned record as a webhook record would, files its document and issues its notice', async () => {
    const out = await issue.execute(leagueOfficer(), warningForm(ENT));
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    const { eventId } = out.value;
    const claim = (await rt.store.getClaims([eventId])).get(eventId);
    expect(claim).toMatchObject({ source: 'bureau:150600', subject: { kind: 'enterprise', id: ENT } });
    await rt.drain();
    const stored = (await rt.store.loadRecords([eventId])).get(eventId);
    expect(stored).toMatchObject({
      rule: 'PMT_SELF_MONITORING',
      occurredOn: '2026-08-20',
      league: '150600',
      department: '鄂尔多斯市生态环境局',
      warning: { issuedOn: '2026-09-01', deadline: '2026-09-15' },
      rectifiedOn: null,
    });
    expect(await ports.warnings.warning({ kind: 'enterprise', id: ENT }, eventId)).toMatchObject({
      status: 'open',
      origin: 'bureau',
      rectificationRequired: '补齐自行监测方案并开展监测。',
    });
    const notice = await ports.notices.notice({ kind: 'enterprise', id: ENT }, `warning-${eventId}`);
    expect(notice).toMatchObject({ kind: 'warning', deadline: '2026-09-15', league: '150600', year: null });
    expect(notice?.body).toContain('鄂尔多斯市预警测试有限公司');
  });

  it('changes nothing when the same warning is submitted twice', async () => {
    const first = await issue.execute(leagueOfficer(), warningForm(ENT, { deadline: '2026-09-30' }));
    await rt.drain();
    const before = await dumpTable(rt);
    const second = await issue.execute(leagueOfficer(), warningForm(ENT, { deadline: '2026-09-30' }));
    await rt.drain();
    expect(second).toEqual(first);
    expect(await dumpTable(rt)).toBe(before);
  });

  it('refuses bad input naming each field in Chinese, and stores nothing', async () => {
    const before = await dumpTable(rt);
    const out = await issue.execute(
      leagueOfficer(),
      warningForm(ENT, { deadline: '2026-08-31', occurredOn: '2026-09-02', rule: 'SR_COMMENDATION' }),
    );
    expect(out.status).toBe('invalid');
    if (out.status !== 'invalid') return;
    expect(out.issues.map((i) => i.path).sort()).toEqual(['deadline', 'occurredOn', 'rule']);
    expect(out.issues.find((i) => i.path === 'deadline')?.message).toBe('整改期限不能早于预警通知日期');
    expect(await dumpTable(rt)).toBe(before);
  });

  it('I18: refuses to warn a practitioner', async () => {
    const out = await issue.execute(
      leagueOfficer(),
      warningForm('150203199001011234', { subjectKind: 'practitioner' }),
    );
    expect(out.status).toBe('invalid');
    if (out.status !== 'invalid') return;
    expect(out.issues.find((i) => i.path === 'subjectKind')?.message).toContain('不能向相关从业人员下达');
  });

  it('Art 21: a league bureau warns only its own league’s units; a unit or the region does not warn', async () => {
    expect((await issue.execute(leagueOfficer(), warningForm(ELSEWHERE))).status).toBe('forbidden');
    expect((await issue.execute(unitUser(ENT), warningForm(ENT))).status).toBe('forbidden');
    expect((await issue.execute({ type: 'staff', claims: { role: 'region' } }, warningForm(ENT))).status).toBe(
      'forbidden',
    );
  });
});
