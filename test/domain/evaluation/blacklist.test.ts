import { describe, expect, it } from 'vitest';
import { isBlacklisted, isResultBlacklisted } from '../../../domain/evaluation/blacklist.ts';

const D = (year: number, publishedOn?: string) => ({ year, grade: 'D' as const, publishedOn });

describe('Art 19 and I10: the blacklist', () => {
  it('lists a subject with three consecutive published D grades', () => {
    expect(isBlacklisted([D(2023), D(2024), D(2025)], 2026, '2026-12-31')).toBe(true);
  });

  it('a year without a published grade breaks the run', () => {
    expect(isBlacklisted([D(2022), D(2023), D(2025)], 2026, '2026-12-31')).toBe(false);
  });

  it('ends when a later published grade is not D', () => {
    expect(isBlacklisted([D(2022), D(2023), D(2024), { year: 2025, grade: 'C' }], 2026, '2026-12-31')).toBe(false);
  });

  it('starts at the publication of the third D, not before', () => {
    const history = [D(2023, '2024-06-28'), D(2024, '2025-06-27'), D(2025, '2026-06-30')];
    expect(isBlacklisted(history, 2025, '2026-06-29')).toBe(false);
    expect(isBlacklisted(history, 2025, '2026-06-30')).toBe(true);
  });

  it('a repair that turns one of the three into a non-D ends it', () => {
    expect(isBlacklisted([D(2023), { year: 2024, grade: 'C' }, D(2025)], 2026, '2026-12-31')).toBe(false);
  });

  it('ignores published grades of years after the evaluation year', () => {
    expect(isBlacklisted([D(2023), D(2024), D(2025), { year: 2026, grade: 'A' }], 2025, '2027-12-31')).toBe(true);
  });

  it('tells when publishing a D would make the third', () => {
    expect(isResultBlacklisted('D', [D(2024), D(2025)], 2026, '2027-01-01')).toBe(true);
    expect(isResultBlacklisted('D', [D(2025)], 2026, '2027-01-01')).toBe(false);
  });
});
