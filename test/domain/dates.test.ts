import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addDays,
  addYears,
  endOfLegalDayInstant,
  fromDayNumber,
  isLegalDate,
  legalDateOfInstant,
  toDayNumber,
  weekday,
} from '../../domain/dates.ts';

describe('legal dates (I13)', () => {
  it('accepts only real calendar dates', () => {
    expect(isLegalDate('2026-02-28')).toBe(true);
    expect(isLegalDate('2026-02-29')).toBe(false);
    expect(isLegalDate('2028-02-29')).toBe(true);
    expect(isLegalDate('2026-13-01')).toBe(false);
    expect(isLegalDate('2026-4-1')).toBe(false);
    expect(isLegalDate(20260401)).toBe(false);
  });

  it('adds calendar months on the same day, clamped to the month end (docs/timeline.md counting rules)', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addCalendarMonths('2026-05-15', 12)).toBe('2027-05-15');
    expect(addCalendarMonths('2026-11-30', 18)).toBe('2028-05-30');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('knows the weekday of a date', () => {
    expect(weekday('2026-11-27')).toBe(5); // a Friday
    expect(weekday('2026-10-10')).toBe(6); // a Saturday
  });

  it('puts the end of a legal day at 23:59:59 Asia/Shanghai, 15:59:59 UTC (I12, I13)', () => {
    expect(endOfLegalDayInstant('2026-05-13')).toBe('2026-05-13T15:59:59.000Z');
    expect(legalDateOfInstant('2026-05-13T16:00:00.000Z')).toBe('2026-05-14');
    expect(legalDateOfInstant('2026-05-13T15:59:59.000Z')).toBe('2026-05-13');
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
        expect(addDays(fromDayNumber(n), 1)).toBe(fromDayNumber(n + 1));
      }),
    );
  });
});
