import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueWarning } from '../../../functions/warnings/issueWarning.ts';
import { ReportRectification } from '../../../functions/warnings/reportRectification.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { dumpTable, startFrozenRuntime } from '../../support/runtime.ts';
import { leagueOfficer, registerEnterprise, unitUser, warningForm, warningPortsOn } from '../../support/warnings.ts';

const ENT = uscc(951, '150600');
const OTHER = uscc(952, '150600');
let rt: LocalRuntime;
let ports: ReturnType<typeof warningPortsOn>;
let report: ReportRectification;
let eventId: string;
const FILE = `evidence/enterprise/${ENT}/0f8fad5b-d9cb-469f-a165-70867728950e`;

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-09-01T02:00:00Z');
  ports = warningPortsOn(rt);
  report = new ReportRectification(ports);
  await registerEnterprise(rt, ENT, '鄂尔多斯市报告测试有限公司');
  await registerEnterprise(rt, OTHER, '鄂尔多斯市旁观测试有限公司');
  const out = await new IssueWarning(ports).execute(leagueOfficer(), warningForm(ENT));
  if (out.status !== 'ok') throw new Error(JSON.stringify(out));
  eventId = out.value.eventId;
  await rt.drain();
});
afterAll(() => rt?.stop());

describe('reporting a rectification (Art 22)', () => {
  it('refuses a rectification date after the deadline or in the future, naming the field, and stores nothing', async () => {
    const before = await dumpTable(rt);
    for (const rectifiedOn of ['2026-09-16', '2026-09-02', '2026-08-01']) {
      const out = await report.execute(unitUser(ENT), { eventId, rectifiedOn, text: '已整改。', evidenceFiles: [] });
      expect(out).toMatchObject({ status: 'invalid', issues: [{ path: 'rectifiedOn' }] });
    }
    expect(await dumpTable(rt)).toBe(before);
  });

  it('refuses evidence files of another unit', async () => {
    const out = await report.execute(unitUser(ENT), {
      eventId,
      rectifiedOn: '2026-09-01',
      text: '已整改。',
      evidenceFiles: [`evidence/enterprise/${OTHER}/0f8fad5b-d9cb-469f-a165-70867728950e`],
    });
    expect(out).toMatchObject({ status: 'invalid', issues: [{ path: 'evidenceFiles' }] });
  });

  it('another unit does not find the warning', async () => {
    const out = await report.execute(unitUser(OTHER), {
      eventId,
      rectifiedOn: '2026-09-01',
      text: 'x',
      evidenceFiles: [],
    });
    expect(out.status).toBe('notFound');
  });

  it('stores the report with its files, audited, and waits for the bureau; a second report waits too', async () => {
    const out = await report.execute(unitUser(ENT), {
      eventId,
      rectifiedOn: '2026-09-01',
      text: '已补齐监测方案。',
      evidenceFiles: [FILE],
    });
    expect(out).toMatchObject({ status: 'ok', value: { status: 'reported', rectifiedOn: '2026-09-01' } });
    const doc = await ports.warnings.warning({ kind: 'enterprise', id: ENT }, eventId);
    expect(doc?.reports).toMatchObject([
      { rectifiedOn: '2026-09-01', evidenceFiles: [FILE], by: `staff:enterprise:${ENT}` },
    ]);
    expect((await rt.store.auditOf({ kind: 'enterprise', id: ENT })).some((a) => a.action === 'warning.reported')).toBe(
      true,
    );
    // The record is unchanged until the bureau confirms.
    expect((await rt.store.getClaims([eventId])).get(eventId)?.rectifiedOn).toBeNull();
    const again = await report.execute(unitUser(ENT), {
      eventId,
      rectifiedOn: '2026-09-01',
      text: 'x',
      evidenceFiles: [],
    });
    expect(again).toMatchObject({ status: 'conflict', message: '已报告整改，请等待生态环境局确认' });
  });

  it('I8: after the deadline, no report is taken', async () => {
    rt.clock.freeze(new Date('2026-09-16T02:00:00Z'));
    const out = await new IssueWarning(ports).execute(
      leagueOfficer(),
      warningForm(ENT, { description: '另一项', deadline: '2026-09-16' }),
    );
    if (out.status !== 'ok') throw new Error(JSON.stringify(out));
    rt.clock.freeze(new Date('2026-09-17T02:00:00Z'));
    const late = await report.execute(unitUser(ENT), {
      eventId: out.value.eventId,
      rectifiedOn: '2026-09-16',
      text: '已整改。',
      evidenceFiles: [],
    });
    expect(late.status).toBe('conflict');
    if (late.status === 'conflict') expect(late.message).toContain('整改期限');
  });
});
