import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OfficialCalendarData, parseOfficialCalendar } from '../../../domain/calendar/officialCalendar.ts';
import {
  addWorkingDays,
  byDate,
  officialWorkingCalendar,
  workingCalendar,
  workingDaysAfter,
} from '../../../domain/calendar/workingCalendar.ts';
import { addDays } from '../../../domain/dates.ts';

const cal = officialWorkingCalendar();
const loaded2027 = (() => {
  const r = parseOfficialCalendar(
    JSON.parse(readFileSync(new URL('../../fixtures/calendar-2027-test.json', import.meta.url), 'utf8')),
  );
  if (!r.ok) throw new Error('fixture');
  return r.value;
})();

describe('working days under the official calendar (docs/timeline.md counting rules)', () => {
  it('I12: day 1 is the first working day after the trigger; 7 wd after 2026-04-30 close 2026-05-13 (docs/api.md §5)', () => {
    expect(addWorkingDays('2026-04-30', 7, cal)).toEqual({
      closesOn: '2026-05-13',
      closesAt: '2026-05-13T15:59:59.000Z',
      provisional: false,
    });
  });

  it('skips Labour Day 2026 and counts its Saturday working day (05-09)', () => {
    expect(cal.isWorkingDay('2026-05-05')).toBe(false);
    expect(cal.isWorkingDay('2026-05-09')).toBe(true);
    expect(addWorkingDays('2026-04-30', 1, cal).closesOn).toBe('2026-05-06');
    expect(addWorkingDays('2026-05-08', 1, cal).closesOn).toBe('2026-05-09');
  });

  it('skips National Day 2026 and counts its Saturday working day (10-10)', () => {
    expect(addWorkingDays('2026-09-30', 1, cal).closesOn).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, cal).closesOn).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-19', 1, cal).closesOn).toBe('2026-09-20'); // Sunday 09-20 is a working day
  });

  it('skips the Spring Festival 2026 (02-15 to 02-23) and counts 02-14 and 02-28', () => {
    expect(addWorkingDays('2026-02-13', 1, cal).closesOn).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, cal).closesOn).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-27', 1, cal).closesOn).toBe('2026-02-28');
  });

  it('I11: a window running from 2026 into 2027 (no official calendar) is provisional and counts weekdays', () => {
    expect(addWorkingDays('2026-12-24', 5, cal)).toEqual({
      closesOn: '2026-12-31',
      closesAt: '2026-12-31T15:59:59.000Z',
      provisional: false,
    });
    expect(addWorkingDays('2026-12-24', 6, cal)).toEqual({
      closesOn: '2027-01-01',
      closesAt: '2027-01-01T15:59:59.000Z',
      provisional: true,
    });
  });

  it('I11: once 2027 is loaded the same window is exact and later', () => {
    const withLoaded = officialWorkingCalendar(loaded2027);
    expect(addWorkingDays('2026-12-24', 6, withLoaded)).toEqual({
      closesOn: '2027-01-04',
      closesAt: '2027-01-04T15:59:59.000Z',
      provisional: false,
    });
  });

  it('a later calendar replaces a year an earlier one has', () => {
    const replaced: OfficialCalendarData = { years: { '2026': { holidays: [], workdays: [] } } };
    expect(workingCalendar(loaded2027, replaced).isWorkingDay('2026-10-01')).toBe(true);
    expect(officialWorkingCalendar(replaced).isWorkingDay('2026-10-01')).toBe(true);
    expect(cal.isWorkingDay('2026-10-01')).toBe(false);
  });

  it('"by" dates end at the end of the day, working day or not', () => {
    expect(byDate('2026-05-31')).toEqual({
      closesOn: '2026-05-31',
      closesAt: '2026-05-31T15:59:59.000Z',
      provisional: false,
    });
  });

  it('counts working days after a date', () => {
    expect(workingDaysAfter('2026-04-30', '2026-05-13', cal)).toEqual({ days: 7, provisional: false });
    expect(workingDaysAfter('2026-05-13', '2026-04-30', cal).days).toBe(0);
  });

  it('a window of N working days always contains exactly N working days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const from = addDays('2024-01-01', offset);
        const close = addWorkingDays(from, n, cal);
        expect(workingDaysAfter(from, close.closesOn, cal).days).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(close.closesOn)).toBe(true);
      }),
    );
  });

  it('adding a holiday never makes a deadline earlier (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 90 }),
        (offset, n, h) => {
          const from = addDays('2025-01-01', offset);
          const holiday = addDays(from, h);
          const year = holiday.slice(0, 4);
          const base = parseOfficialCalendar({ years: { [year]: { holidays: [], workdays: [] } } });
          const more = parseOfficialCalendar({
            years: { [year]: { holidays: [{ date: holiday, name: '假日' }], workdays: [] } },
          });
          if (!base.ok || !more.ok) throw new Error('calendar');
          const before = addWorkingDays(from, n, workingCalendar(base.value)).closesOn;
          const after = addWorkingDays(from, n, workingCalendar(more.value)).closesOn;
          expect(after >= before).toBe(true);
        },
      ),
    );
  });
});
