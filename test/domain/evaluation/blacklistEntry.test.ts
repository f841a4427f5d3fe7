import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlacklisted } from '../../../domain/evaluation/blacklist.ts';
import { blacklistEntry } from '../../../domain/evaluation/blacklistEntry.ts';
import type { Grade } from '../../../domain/evaluation/grade.ts';

const at = <G extends Grade | null>(year: number, grade: G) => ({ year, grade, publishedOn: `${year + 1}-06-27` });

describe('Art 19, I10: an entry of the current blacklist', () => {
  it('starts on the publication of the third consecutive D, naming the run', () => {
    expect(blacklistEntry([at(2023, 'D'), at(2024, 'D'), at(2025, 'D')], '2026-12-31')).toEqual({
      year: 2025,
      since: '2026-06-27',
      years: [2023, 2024, 2025],
    });
  });

  it('a run longer than three years started with its third D', () => {
    const entry = blacklistEntry([at(2022, 'D'), at(2023, 'D'), at(2024, 'D'), at(2025, 'D')], '2026-12-31');
    expect(entry).toMatchObject({ year: 2024, since: '2025-06-27', years: [2022, 2023, 2024, 2025] });
  });

  it('is not there before the third D is published', () => {
    expect(blacklistEntry([at(2023, 'D'), at(2024, 'D'), at(2025, 'D')], '2026-06-26')).toBeNull();
  });

  it('ends when a later published grade is not D, or has no grade (I15)', () => {
    expect(blacklistEntry([at(2023, 'D'), at(2024, 'D'), at(2025, 'D'), at(2026, 'B')], '2027-12-31')).toBeNull();
    expect(blacklistEntry([at(2023, 'D'), at(2024, 'D'), at(2025, 'D'), at(2026, null)], '2027-12-31')).toBeNull();
  });

  it('a year without a published grade breaks the run', () => {
    expect(blacklistEntry([at(2022, 'D'), at(2023, 'D'), at(2025, 'D')], '2026-12-31')).toBeNull();
  });

  it('agrees with isBlacklisted for the latest published year, whatever the history', () => {
    const grade = fc.constantFrom<Grade>('A', 'B', 'C', 'D', 'D', 'D');
    const history = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2018, max: 2027 }), grade }), {
      selector: (h) => h.year,
      maxLength: 8,
    });
    fc.assert(
      fc.property(history, fc.integer({ min: 2018, max: 2029 }), (h, asOfYear) => {
        const dated = h.map((x) => at(x.year, x.grade));
        const asOf = `${asOfYear}-07-01`;
        const known = dated.filter((x) => x.publishedOn <= asOf);
        const latest = known.length === 0 ? null : Math.max(...known.map((x) => x.year));
        const entry = blacklistEntry(dated, asOf);
        expect(entry !== null).toBe(latest !== null && isBlacklisted(dated, latest, asOf));
        if (entry) {
          expect(entry.years.length).toBeGreaterThanOrEqual(3);
          expect(entry.year).toBe(entry.years[2]);
          expect(entry.years.every((y) => known.find((x) => x.year === y)?.grade === 'D')).toBe(true);
        }
      }),
    );
  });
});
