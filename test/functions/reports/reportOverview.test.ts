import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportOverview } from '../../../functions/reports/reportOverview.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { REPORTED_ENTERPRISES, REPORTING_LEAGUE, reportsOn, seedSentEnterpriseReports } from '../../support/reports.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** The region's overview of the leagues' reports (Art 16(2)): sent when, how many, which grades, or late. */
let rt: LocalRuntime;
const LATE = '150100';
const region = { type: 'staff' as const, claims: { role: 'region' as const, league: '150000' } };
const overview = () => new ReportOverview(reportsOn(rt).reports, rt.cycleStore, rt.clock);

beforeAll(async () => {
  rt = await startTestRuntime();
  // Every league but Hohhot reports on 20 April 2026.
  await seedSentEnterpriseReports(rt, [LATE]);
}, 180_000);
afterAll(async () => rt?.stop());

describe('the region’s overview of the leagues’ reports', () => {
  it('is the region’s: a league bureau is refused', async () => {
    const league = { type: 'staff' as const, claims: { role: 'league' as const, league: REPORTING_LEAGUE } };
    expect(await overview().execute(league, { year: 2025, kind: 'enterprise' })).toEqual({ status: 'forbidden' });
    expect(await overview().execute(region, { year: 2024, kind: 'enterprise' })).toEqual({ status: 'notFound' });
  });

  it('shows each league’s sent date, entries and grade counts; a league without a report is not late before 30 April', async () => {
    const out = await overview().execute(region, { year: 2025, kind: 'enterprise' });
    if (out.status !== 'ok') throw new Error(JSON.stringify(out));
    expect(out.value.rows).toHaveLength(12);
    const ordos = out.value.rows.find((r) => r.league === REPORTING_LEAGUE)!;
    expect(ordos).toMatchObject({
      firstSentOn: '2026-04-20',
      entries: REPORTED_ENTERPRISES.length,
      limitOn: '2026-04-30',
    });
    expect(ordos.grades).toEqual({ A: 4, B: 0, C: 0, D: 0, none: 0 });
    expect(out.value.rows.find((r) => r.league === LATE)).toMatchObject({ latest: null, late: false });
    expect(out.value).toMatchObject({ releasable: true, releaseBlockers: [] });
  });

  it('a league that has not reported when 30 April has passed is late (逾期未报送)', async () => {
    await fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now: '2026-05-06T02:00:00Z' }) });
    const out = await overview().execute(region, { year: 2025, kind: 'enterprise' });
    if (out.status !== 'ok') throw new Error(JSON.stringify(out));
    expect(out.value.rows.filter((r) => r.late).map((r) => r.league)).toEqual([LATE]);
  });
});
