import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import type { Grade } from '../../../domain/evaluation/grade.ts';
import { measuresForGrade } from '../../../domain/evaluation/measures.ts';
import {
  type GoverningResult,
  governingYear,
  measureCatalogue,
  measuresInForce,
} from '../../../domain/evaluation/measuresInForce.ts';

const governing = (
  kind: 'enterprise' | 'agency',
  grade: Grade,
  over: Partial<GoverningResult> & { blacklisted?: boolean; reportedLate?: boolean } = {},
): GoverningResult => ({
  year: 2025,
  publishedOn: '2026-06-27',
  grade,
  blacklisted: over.blacklisted ?? false,
  measures: measuresForGrade(kind, grade, over.blacklisted ?? false, over.reportedLate ?? false),
  ...over,
});
const applying = (a: ReturnType<typeof measuresInForce>) => a.measures.filter((m) => m.applies).map((m) => m.article);

describe('Art 29–31: the measures in force on a date', () => {
  it('Art 29: an A unit’s incentives apply for one year from publication, through the day before the anniversary', () => {
    const g = governing('enterprise', 'A');
    const history = [{ year: 2025, publishedOn: '2026-06-27' }];
    const inForce = measuresInForce('enterprise', g, history, '2027-06-26');
    expect(applying(inForce)).toContain('Art 29(1)');
    expect(inForce.measures.find((m) => m.article === 'Art 29(1)')).toMatchObject({
      since: '2026-06-27',
      until: '2027-06-26',
      ends: 'date',
    });
    expect(applying(measuresInForce('enterprise', g, history, '2027-06-27'))).toEqual([]);
  });

  it('Art 31(2): a D agency may not be hired until repaired; an enterprise is not asked', () => {
    const history = [{ year: 2025, publishedOn: '2026-06-27' }];
    const d = measuresInForce('agency', governing('agency', 'D'), history, '2028-01-01');
    expect(d.procurementAllowed).toBe(false);
    expect(d.measures.find((m) => m.article === 'Art 31(2)')).toMatchObject({
      applies: true,
      until: null,
      ends: 'repair',
    });
    expect(measuresInForce('agency', governing('agency', 'B'), history, '2026-07-01').procurementAllowed).toBe(true);
    expect(
      measuresInForce('enterprise', governing('enterprise', 'D'), history, '2026-07-01').procurementAllowed,
    ).toBeNull();
    expect(measureCatalogue('enterprise').map((m) => m.article)).not.toContain('Art 31(2)');
  });

  it('Art 30: a C unit’s restrictions end when the next year’s result is published', () => {
    const history = [
      { year: 2025, publishedOn: '2026-06-27' },
      { year: 2026, publishedOn: '2027-06-25' },
    ];
    const c = governing('enterprise', 'C');
    const before = measuresInForce('enterprise', c, history, '2027-06-24');
    expect(before.measures.find((m) => m.article === 'Art 30(1)')).toMatchObject({
      applies: true,
      until: '2027-06-24',
    });
    expect(governingYear(history, '2027-06-25')).toBe(2026);
    expect(governingYear(history, '2027-06-24')).toBe(2025);
    expect(governingYear(history, '2026-06-26')).toBeNull();
  });

  it('Art 32: a unit that filed late gets no incentives, as the evaluation says', () => {
    const late = governing('enterprise', 'A', { reportedLate: true });
    expect(applying(measuresInForce('enterprise', late, [late], '2026-07-01'))).toEqual([]);
  });

  it('Art 19: the blacklist measure applies from the publication of the D that made it', () => {
    const g = governing('enterprise', 'D', { blacklisted: true });
    const a = measuresInForce('enterprise', g, [g], '2026-06-27');
    expect(a.blacklisted).toBe(true);
    expect(applying(a)).toContain('Art 19');
  });

  it('nothing applies before anything is published', () => {
    const g = governing('agency', 'D');
    const a = measuresInForce('agency', g, [g], '2026-06-26');
    expect(applying(a)).toEqual([]);
    expect(a.year).toBeNull();
    expect(a.procurementAllowed).toBe(true);
  });

  it('answers every measure of the kind, and applies exactly the evaluation’s measures while the result governs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'enterprise' | 'agency'>('enterprise', 'agency'),
        fc.constantFrom<Grade>('A', 'B', 'C', 'D'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 364 }),
        (kind, grade, blacklisted, reportedLate, days) => {
          const g = governing(kind, grade, { blacklisted: grade === 'D' && blacklisted, reportedLate });
          const a = measuresInForce(kind, g, [g], addDays(g.publishedOn, days));
          expect(a.measures.map((m) => m.article)).toEqual(measureCatalogue(kind).map((m) => m.article));
          expect(applying(a).sort()).toEqual(g.measures.map((m) => m.article).sort());
        },
      ),
    );
  });
});
