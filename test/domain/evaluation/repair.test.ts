import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfLegalDayInstant } from '../../../domain/dates.ts';
import {
  assessPractitionerRepair,
  assessRepairApplication,
  earliestRepairDate,
  repairWait,
} from '../../../domain/evaluation/repair.ts';
import { tenths } from '../../../domain/points.ts';

describe('Art 27 and I3: earliest repair dates', () => {
  it('Art 27: the earliest repair application opens at the first moment of its day', () => {
    const on = earliestRepairDate('2026-05-31', tenths(-50), false);
    expect({ on, at: startOfLegalDayInstant(on) }).toEqual({ on: '2026-07-31', at: '2026-07-30T16:00:00.000Z' });
  });

  it.each([
    [-5, 0],
    [-30, 0],
    [-35, 2],
    [-40, 2],
    [-60, 2],
    [-65, 3],
    [-70, 3],
    [-110, 3],
    [-120, 12],
    [-140, 12],
    [-150, 12],
    [-300, 12],
    [-499, 12],
    [-500, 18],
    [-1000, 18],
  ])('a deduction of %d tenths waits %d months', (points, months) => {
    expect(repairWait(tenths(points), false).months).toBe(months);
  });

  it('I3: marks the gaps of the text (12-14 points, 3.5, 6.5) as interpretation', () => {
    expect(repairWait(tenths(-120), false).byInterpretation).toBe(true);
    expect(repairWait(tenths(-35), false).byInterpretation).toBe(true);
    expect(repairWait(tenths(-65), false).byInterpretation).toBe(true);
    expect(repairWait(tenths(-30), false).byInterpretation).toBe(false);
    expect(repairWait(tenths(-150), false).byInterpretation).toBe(false);
  });

  it('I3: a direct-D record waits 18 months', () => {
    expect(repairWait(tenths(0), true)).toEqual({
      months: 18,
      byInterpretation: true,
      impactEliminationRequired: true,
    });
  });

  it('Art 27: 50 points or more also need the impact eliminated', () => {
    expect(repairWait(tenths(-500), false).impactEliminationRequired).toBe(true);
    expect(repairWait(tenths(-300), false).impactEliminationRequired).toBe(false);
  });

  it('counts calendar months from the rectification, clamped to the month end', () => {
    expect(earliestRepairDate('2026-05-02', tenths(-30), false)).toBe('2026-05-02');
    expect(earliestRepairDate('2026-12-31', tenths(-50), false)).toBe('2027-02-28');
    expect(earliestRepairDate('2026-11-30', tenths(-100), false)).toBe('2027-02-28');
    expect(earliestRepairDate('2026-03-15', tenths(-300), false)).toBe('2027-03-15');
    expect(earliestRepairDate('2026-08-31', tenths(0), true)).toBe('2028-02-29');
  });

  it('a larger deduction never waits less (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (a, b) => {
        const [small, large] = a < b ? [a, b] : [b, a];
        expect(repairWait(tenths(-large), false).months).toBeGreaterThanOrEqual(
          repairWait(tenths(-small), false).months,
        );
      }),
    );
  });
});

describe('Art 23-24: a repair application after publication', () => {
  const record = {
    eventId: 'R1',
    rule: 'PMT_LEDGER',
    occurredOn: '2026-03-01',
    rectifiedOn: '2026-05-01',
    points: tenths(-30),
    directD: false,
  };
  const base = {
    record,
    appliedOn: '2026-07-10',
    announcedOn: '2027-06-30',
    laterRecordsOfSubject: [],
    impactEliminated: false,
  };

  it('grants a rectified deduction whose wait has passed', () => {
    expect(assessRepairApplication(base)).toEqual({ eligible: true, earliestOn: '2026-05-01' });
  });

  it('Art 24(1): refuses an unrectified record, or one rectified after the evaluation period', () => {
    expect(assessRepairApplication({ ...base, record: { ...record, rectifiedOn: null } })).toMatchObject({
      eligible: false,
      refusals: [{ code: 'NOT_RECTIFIED' }],
    });
    expect(
      assessRepairApplication({ ...base, appliedOn: '2027-03-01', record: { ...record, rectifiedOn: '2027-01-05' } }),
    ).toMatchObject({
      eligible: false,
      refusals: [{ code: 'RECTIFIED_AFTER_PERIOD', periodEnd: '2026-12-31' }],
    });
  });

  it('Art 24(2): refuses when the behaviour happened again before the announcement', () => {
    const later = [{ eventId: 'R2', rule: 'PMT_LEDGER', occurredOn: '2027-02-01' }];
    expect(assessRepairApplication({ ...base, laterRecordsOfSubject: later })).toMatchObject({
      eligible: false,
      refusals: [{ code: 'RECURRED', eventId: 'R2' }],
    });
    const revoked = [{ eventId: 'R2', rule: 'PMT_LEDGER', occurredOn: '2027-02-01', revokedOn: '2027-03-01' }];
    expect(assessRepairApplication({ ...base, laterRecordsOfSubject: revoked }).eligible).toBe(true);
  });

  it('Art 27: refuses an application before the earliest date, saying when', () => {
    const r = { ...record, points: tenths(-100) };
    expect(assessRepairApplication({ ...base, record: r, appliedOn: '2026-07-31' })).toMatchObject({
      eligible: false,
      refusals: [{ code: 'TOO_EARLY', earliestOn: '2026-08-01' }],
    });
    expect(assessRepairApplication({ ...base, record: r, appliedOn: '2026-08-01' }).eligible).toBe(true);
  });

  it('Art 27: 50 points or more need the impact eliminated', () => {
    const r = { ...record, points: tenths(-500) };
    expect(assessRepairApplication({ ...base, record: r, appliedOn: '2027-11-01' })).toMatchObject({
      eligible: false,
      refusals: [{ code: 'IMPACT_NOT_ELIMINATED' }],
    });
    expect(
      assessRepairApplication({ ...base, record: r, appliedOn: '2027-11-01', impactEliminated: true }).eligible,
    ).toBe(true);
  });
});

describe('Art 25-26: repair of an environmental-dishonest individual', () => {
  const base = {
    ratedOn: '2027-05-30',
    appliedOn: '2028-06-01',
    commitmentSigned: true,
    recordsSinceRated: [],
    reportedViolationConfirmed: false,
    volunteerHoursMet: true,
  };

  it('grants with a commitment, a clean year and a contribution', () => {
    expect(assessPractitionerRepair(base)).toEqual({ eligible: true });
  });

  it('refuses without the Annex 5 commitment, before a year, or with a new record in the year', () => {
    expect(assessPractitionerRepair({ ...base, commitmentSigned: false })).toMatchObject({
      refusals: [{ code: 'NO_COMMITMENT' }],
    });
    expect(assessPractitionerRepair({ ...base, appliedOn: '2028-05-29' })).toMatchObject({
      refusals: [{ code: 'TOO_EARLY', earliestOn: '2028-05-30' }],
    });
    expect(
      assessPractitionerRepair({ ...base, recordsSinceRated: [{ eventId: 'P9', occurredOn: '2027-12-01' }] }),
    ).toMatchObject({ refusals: [{ code: 'RECORD_WITHIN_YEAR' }] });
  });

  it('Art 26: needs a confirmed report or the volunteer hours', () => {
    expect(assessPractitionerRepair({ ...base, volunteerHoursMet: false })).toMatchObject({
      refusals: [{ code: 'NO_CONTRIBUTION' }],
    });
    expect(
      assessPractitionerRepair({ ...base, volunteerHoursMet: false, reportedViolationConfirmed: true }).eligible,
    ).toBe(true);
  });
});
