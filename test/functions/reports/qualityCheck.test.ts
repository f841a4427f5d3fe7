import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCodes } from '../../../domain/reports/qualityCheck.ts';
import { QualityChecks } from '../../../functions/reports/qualityCheck.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { REPORTED_ENTERPRISES, REPORTING_LEAGUE, reportsOn, seedSentEnterpriseReports } from '../../support/reports.ts';
import { dumpTable, startTestRuntime } from '../../support/runtime.ts';

/** The region's quality check (Art 8, 16(2)): a reproducible sample with a recorded seed, and a finding per drawn entry. */
let rt: LocalRuntime;
let checks: QualityChecks;
const REF = { year: 2025, kind: 'enterprise' as const, league: REPORTING_LEAGUE as '150600' };
const region = { type: 'staff' as const, claims: { role: 'region' as const, league: '150000' } };
const league = { type: 'staff' as const, claims: { role: 'league' as const, league: REPORTING_LEAGUE } };
const CODES = REPORTED_ENTERPRISES.map((e) => e.code);

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedSentEnterpriseReports(rt);
  checks = new QualityChecks(reportsOn(rt).reports, rt.clock);
}, 180_000);
afterAll(async () => rt?.stop());

describe('sampling a league’s report', () => {
  it('only the region samples; a bad share or seed names the field and stores nothing', async () => {
    const before = await dumpTable(rt);
    expect(await checks.sample(league, REF, { sharePercent: '50', seed: '7' })).toEqual({ status: 'forbidden' });
    const bad = await checks.sample(region, REF, { sharePercent: '0', seed: '-1' });
    expect(bad.status === 'invalid' && bad.issues.map((i) => i.path)).toEqual(['sharePercent', 'seed']);
    expect(await dumpTable(rt)).toBe(before);
  });

  it('draws ceil(share × n) entries from the seed, records the seed, and draws the same again from it', async () => {
    const first = await checks.sample(region, REF, { sharePercent: '50', seed: '20260501' });
    expect(first).toMatchObject({ status: 'ok', value: { seed: 20260501, sharePercent: 50, sampledVersion: 1 } });
    const codes = first.status === 'ok' ? first.value.codes : [];
    expect(codes).toEqual(sampleCodes(CODES, 50, 20260501));
    expect(codes).toHaveLength(2);
    const again = await checks.sample(region, REF, { sharePercent: '50', seed: '20260501' });
    expect(again.status === 'ok' && again.value.codes).toEqual(codes);
    const audit = await reportsOn(rt).reports.auditOf(REF);
    expect(audit.filter((a) => a.action === 'report.sampled').map((a) => a.what.seed)).toEqual([20260501, 20260501]);
  });

  it('a seed left empty is drawn by the system and recorded', async () => {
    const out = await checks.sample(region, REF, { sharePercent: '50', seed: '' });
    expect(out.status === 'ok' && Number.isInteger(out.value.seed)).toBe(true);
    const out2 = await checks.sample(region, REF, { sharePercent: '50', seed: '20260501' });
    expect(out2.status).toBe('ok');
  });
});

describe('findings', () => {
  it('returning needs reasons; an entry not drawn is refused', async () => {
    const check = (await reportsOn(rt).reports.check(REF))!;
    const drawn = check.codes[0]!;
    const notDrawn = CODES.find((c) => !check.codes.includes(c))!;
    const out = await checks.finding(region, REF, { code: drawn, outcome: 'returned', reasons: ' ' });
    expect(out.status === 'invalid' && out.issues.map((i) => i.path)).toEqual(['reasons']);
    const stranger = await checks.finding(region, REF, { code: notDrawn, outcome: 'agreed', reasons: '' });
    expect(stranger.status === 'invalid' && stranger.issues.map((i) => i.path)).toEqual(['code']);
  });

  it('records 同意 and 退回; the same finding twice changes nothing; a different one is refused', async () => {
    const [a, b] = (await reportsOn(rt).reports.check(REF))!.codes;
    expect((await checks.finding(region, REF, { code: a, outcome: 'agreed', reasons: '' })).status).toBe('ok');
    const returned = await checks.finding(region, REF, { code: b, outcome: 'returned', reasons: '处罚记录未计入' });
    expect(returned.status === 'ok' && returned.value.findings.map((f) => [f.code, f.outcome])).toEqual([
      [a, 'agreed'],
      [b, 'returned'],
    ]);
    const before = await dumpTable(rt);
    expect((await checks.finding(region, REF, { code: a, outcome: 'agreed', reasons: '' })).status).toBe('ok');
    expect(await checks.finding(region, REF, { code: a, outcome: 'returned', reasons: '改判' })).toMatchObject({
      status: 'conflict',
      code: 'ALREADY_DECIDED',
    });
    expect(await dumpTable(rt)).toBe(before);
  });

  it('after the first finding the sample cannot be drawn again', async () => {
    expect(await checks.sample(region, REF, { sharePercent: '50', seed: '1' })).toMatchObject({
      status: 'conflict',
      code: 'FINDINGS_RECORDED',
    });
  });
});
