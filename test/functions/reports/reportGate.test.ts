import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { QualityChecks } from '../../../functions/reports/qualityCheck.ts';
import { LeagueReportGate } from '../../../functions/reports/reportGate.ts';
import { SendReport } from '../../../functions/reports/sendReport.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { REPORTING_LEAGUE, reportsOn, seedSentEnterpriseReports } from '../../support/reports.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** `regionReleased` waits for the quality check (Art 8, 16(2)); a returned entry is corrected and reported again. */
let rt: LocalRuntime;
const CYCLE = { year: 2025, kind: 'enterprise' as const };
const REF = { ...CYCLE, league: REPORTING_LEAGUE as '150600' };
const regionClaims = { role: 'region' as const, league: '150000' };
const region = { type: 'staff' as const, claims: regionClaims };
const league = { type: 'staff' as const, claims: { role: 'league' as const, league: REPORTING_LEAGUE } };

const recordAct = () =>
  new RecordAct(
    rt.cycleStore,
    new CycleTransitions(rt.cycleStore, rt.scheduler, rt.clock),
    async () => 0,
    undefined,
    new LeagueReportGate(reportsOn(rt).reports, rt.clock),
  );
const release = () => recordAct().execute(regionClaims, CYCLE, { act: 'regionReleased' }, null);
const checks = () => new QualityChecks(reportsOn(rt).reports, rt.clock);

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedSentEnterpriseReports(rt);
}, 180_000);
afterAll(async () => rt?.stop());

describe('releasing the leagues’ reports (regionReleased)', () => {
  let drawn: readonly string[] = [];
  it('the sent report is marked sent on the day `reportSent` was recorded, and never changes', async () => {
    expect(await reportsOn(rt).reports.latest(REF)).toMatchObject({ version: 1, status: 'sent', sentOn: '2026-04-20' });
  });

  it('is refused while a drawn entry has no finding', async () => {
    const s = await checks().sample(region, REF, { sharePercent: '50', seed: '99' });
    drawn = s.status === 'ok' ? s.value.codes : [];
    expect(drawn).toHaveLength(2);
    const out = await release();
    expect(out).toMatchObject({ status: 'conflict', code: 'QUALITY_CHECK_OPEN' });
    expect(out.status === 'conflict' && out.message).toContain('鄂尔多斯市生态环境局：2条抽查记录尚无抽查意见');
  });

  it('is refused while a returned entry was not reported again', async () => {
    await checks().finding(region, REF, { code: drawn[0], outcome: 'agreed', reasons: '' });
    await checks().finding(region, REF, { code: drawn[1], outcome: 'returned', reasons: '处罚记录未计入' });
    const out = await release();
    expect(out.status === 'conflict' && out.message).toContain('1条退回记录尚未重新上报');
  });

  it('the league re-evaluates the whole list as a new version and reports it again; then the region checks it', async () => {
    const u = reportsOn(rt);
    const prepared = await u.prepare.execute(league, REF);
    expect(prepared).toMatchObject({ status: 'ok', value: { head: { version: 2, status: 'complete' } } });
    const send = new SendReport(u.reports, rt.cycleStore, recordAct(), rt.clock);
    expect(await send.execute(league, REF)).toMatchObject({ status: 'ok', value: { version: 2, status: 'sent' } });
    // Reported again: nothing blocks by the letter, but a new prepare is refused until something is returned.
    expect(await u.prepare.execute(league, REF)).toMatchObject({ status: 'conflict', code: 'REPORT_SENT' });
    expect(await checks().finding(region, REF, { code: drawn[1], outcome: 'agreed', reasons: '已更正' })).toMatchObject(
      { status: 'ok' },
    );
    expect(await release()).toMatchObject({ status: 'ok' });
    const cycle = await rt.cycleStore.getCycle(2025, 'enterprise');
    expect(cycle!.region!.stageIndex).toBeGreaterThan(0);
  });
});
