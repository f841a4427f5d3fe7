import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAgency } from '../../../domain/evaluation/agency.ts';
import { evaluateEnterprise } from '../../../domain/evaluation/enterprise.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';
import { AGENCY_ID, agency, context, enterprise, record } from '../../support/builders.ts';

describe('Art 19 and I10: a year’s result counts its own grade', () => {
  const D = (year: number) => ({ year, grade: 'D' as const });
  const directD = () => [record({ eventId: 'X', rule: 'SR_EVASION_UNCOMPLIED' })];

  it('I10: a D for the year after two published D years is blacklisted, inspected at 2.0, and listed on publication', () => {
    const r = evaluateEnterprise(enterprise(), directD(), context({ history: [D(2024), D(2025)] }));
    expect(r).toMatchObject({ grade: 'D', blacklisted: true, samplingMultiplier: 2 });
    expect(r.measures.map((m) => m.article)).toContain('Art 19');
    expect(r.notes.some((n) => n.startsWith('Art 19, I10:') && n.includes('publication'))).toBe(true);
  });

  it('I10: a non-D result is not blacklisted after three published D years, and gets its own grade’s ratio and measures', () => {
    const r = evaluateEnterprise(enterprise(), [], context({ history: [D(2023), D(2024), D(2025)] }));
    expect(r).toMatchObject({ grade: 'A', blacklisted: false, samplingMultiplier: 0.3 });
    expect(r.measures.map((m) => m.article)).not.toContain('Art 19');
    expect(r.notes.some((n) => n.startsWith('Art 19, I10:') && n.includes('ends'))).toBe(true);
  });

  it('I10: a year without a published grade, or a grade published after the as-of date, breaks the run', () => {
    expect(evaluateEnterprise(enterprise(), directD(), context({ history: [D(2023), D(2025)] })).blacklisted).toBe(
      false,
    );
    const late = [
      { ...D(2024), publishedOn: '2025-06-30' },
      { ...D(2025), publishedOn: '2026-06-30' },
    ];
    expect(
      evaluateEnterprise(enterprise(), directD(), context({ asOf: '2026-06-29', history: late })).blacklisted,
    ).toBe(false);
    expect(
      evaluateEnterprise(enterprise(), directD(), context({ asOf: '2026-06-30', history: late })).blacklisted,
    ).toBe(true);
  });

  it('I10: a non-D result is never blacklisted, whatever the history (property)', () => {
    fc.assert(
      fc.property(
        enterpriseRecords(),
        fc.array(
          fc.record({
            year: fc.integer({ min: 2020, max: 2026 }),
            grade: fc.constantFrom('A', 'B', 'C', 'D') as fc.Arbitrary<'A' | 'B' | 'C' | 'D'>,
          }),
          { maxLength: 8 },
        ),
        (records, history) => {
          const r = evaluateEnterprise(enterprise(), records, context({ history }));
          if (r.grade !== 'D') expect(r.blacklisted).toBe(false);
          expect(r.samplingMultiplier).toBe(r.blacklisted ? 2 : { A: 0.3, B: 0.5, C: 1, D: 1.5 }[r.grade!]);
          expect(r.measures.some((m) => m.article === 'Art 19')).toBe(r.blacklisted);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('I17: agencies get the Art 28 ratios of their own result', () => {
    const onAgency = { kind: 'agency' as const, id: AGENCY_ID };
    const r = evaluateAgency(
      agency(),
      [record({ rule: 'AG_D14_PERMIT_FRAUD', subject: onAgency })],
      [],
      context({ history: [D(2024), D(2025)] }),
    );
    expect(r).toMatchObject({ grade: 'D', blacklisted: true, samplingMultiplier: 2 });
    expect(evaluateAgency(agency(), [], [], context()).samplingMultiplier).toBe(0.3);
  });
});

describe('I19 and Art 24(1): repair in the evaluation', () => {
  it('a deduction rectified after its evaluation period is not eligible for repair, with the reason', () => {
    const r = evaluateEnterprise(
      enterprise(),
      [record({ eventId: 'L', rule: 'PMT_LEDGER', occurredOn: '2026-11-01', rectifiedOn: '2027-01-15' })],
      context(),
    );
    expect(r.repair).toHaveLength(1);
    expect(r.repair[0]).toMatchObject({
      eventId: 'L',
      eligible: false,
      article: 'Art 24(1)',
      reason: expect.stringContaining('第二十四条第一项'),
    });
    expect(r.repair[0]).not.toHaveProperty('earliestOn');
  });

  it('a deduction rectified within its evaluation period gets its earliest repair date', () => {
    const r = evaluateEnterprise(
      enterprise(),
      [record({ eventId: 'L', rule: 'EIA_QUALITY', rectifiedOn: '2026-12-31' })],
      context(),
    );
    expect(r.repair[0]).toMatchObject({ eventId: 'L', eligible: true, earliestOn: '2027-03-31', article: 'Art 27' });
  });
});
