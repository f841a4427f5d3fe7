import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  awaitingReReport,
  checkBlockers,
  type Finding,
  hasQualityCheckStage,
  mulberry32,
  reportingStage,
  reportLate,
  sampleCodes,
  sampleSize,
} from '../../../domain/reports/qualityCheck.ts';

const codes = fc.uniqueArray(fc.stringMatching(/^[0-9A-Z]{18}$/), { maxLength: 60 });
const share = fc.integer({ min: 1, max: 100 });
const seed = fc.integer({ min: 0, max: 0xffffffff });

const finding = (code: string, outcome: Finding['outcome'], reportVersion: number): Finding => ({
  code,
  outcome,
  reasons: outcome === 'returned' ? '扣分记录与处罚决定书不符' : '',
  reportVersion,
  at: '2026-05-06T02:00:00Z',
  by: 'staff:region:150000',
});

describe('the quality check sample (Art 8, 16(2): random but reproducible from the recorded seed)', () => {
  it('draws the same entries from the same seed, whatever order the entries come in', () => {
    fc.assert(
      fc.property(codes, share, seed, (cs, s, sd) => {
        const reversed = [...cs].reverse();
        expect(sampleCodes(reversed, s, sd)).toEqual(sampleCodes(cs, s, sd));
      }),
    );
  });

  it('draws ceil(share × n) distinct entries of the report, sorted', () => {
    fc.assert(
      fc.property(codes, share, seed, (cs, s, sd) => {
        const drawn = sampleCodes(cs, s, sd);
        expect(drawn).toHaveLength(Math.ceil((cs.length * s) / 100));
        expect(new Set(drawn).size).toBe(drawn.length);
        for (const c of drawn) expect(cs).toContain(c);
        expect(drawn).toEqual([...drawn].sort());
      }),
    );
  });

  it('draws at least one entry of a non-empty report and every entry at 100 %', () => {
    fc.assert(
      fc.property(codes, seed, (cs, sd) => {
        if (cs.length > 0) expect(sampleCodes(cs, 1, sd).length).toBeGreaterThanOrEqual(1);
        expect(sampleCodes(cs, 100, sd)).toEqual([...cs].sort());
      }),
    );
  });

  it('depends on the seed: different seeds usually draw differently', () => {
    const cs = Array.from({ length: 100 }, (_, i) => `C${String(i).padStart(3, '0')}`);
    const samples = new Set([1, 2, 3, 4, 5].map((sd) => sampleCodes(cs, 10, sd).join(',')));
    expect(samples.size).toBeGreaterThan(1);
    expect(sampleSize(100, 10)).toBe(10);
  });

  it('mulberry32 gives the same sequence for the same seed, in [0, 1)', () => {
    fc.assert(
      fc.property(seed, (sd) => {
        const a = mulberry32(sd);
        const b = mulberry32(sd);
        for (let i = 0; i < 5; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
});

describe('what keeps the region from releasing (regionReleased)', () => {
  it('a drawn entry without a finding blocks', () => {
    expect(checkBlockers({ codes: ['A', 'B'], findings: [finding('A', 'agreed', 1)] }, 1)).toEqual([
      { type: 'noFinding', code: 'B' },
    ]);
  });

  it('a returned entry blocks until a newer version is reported, then no longer', () => {
    const check = { codes: ['A'], findings: [finding('A', 'returned', 1)] };
    expect(checkBlockers(check, 1)).toEqual([{ type: 'returned', code: 'A', reportVersion: 1 }]);
    expect(awaitingReReport(check, 1)).toBe(true);
    expect(checkBlockers(check, 2)).toEqual([]);
    expect(awaitingReReport(check, 2)).toBe(false);
  });

  it('the latest finding counts: agreed on the re-reported version clears a return', () => {
    const check = { codes: ['A'], findings: [finding('A', 'returned', 1), finding('A', 'agreed', 2)] };
    expect(checkBlockers(check, 2)).toEqual([]);
  });

  it('nothing drawn and everything agreed never blocks', () => {
    fc.assert(
      fc.property(codes, fc.integer({ min: 1, max: 9 }), (cs, v) => {
        expect(checkBlockers({ codes: cs, findings: cs.map((c) => finding(c, 'agreed', v)) }, v)).toEqual([]);
      }),
    );
  });
});

describe('the reporting stage and its limit (Art 16(2), 17(3), 18(4))', () => {
  it('enterprises report in GRADING, agencies and practitioners in REPORTED; only enterprises have QUALITY_CHECK', () => {
    expect(reportingStage('enterprise')).toBe('GRADING');
    expect(reportingStage('agency')).toBe('REPORTED');
    expect(reportingStage('practitioner')).toBe('REPORTED');
    expect(hasQualityCheckStage('enterprise')).toBe(true);
    expect(hasQualityCheckStage('agency')).toBe(false);
  });

  it('a league is late once the limit passed without a sent report', () => {
    expect(reportLate('2026-04-30', '2026-04-30', null)).toBe(false);
    expect(reportLate('2026-04-30', '2026-05-01', null)).toBe(true);
    expect(reportLate('2026-04-30', '2026-05-01', '2026-04-29')).toBe(false);
    expect(reportLate(null, '2026-05-01', null)).toBe(false);
  });
});
