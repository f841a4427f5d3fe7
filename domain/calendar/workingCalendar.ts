import { addDays, endOfLegalDayInstant, type LegalDate, weekday, yearOf } from '../dates.ts';
import { BUILT_IN_CALENDAR, type OfficialCalendarData } from './officialCalendar.ts';

/**
 * Working days under the State Council's official calendar: statutory holidays are not working
 * days; weekend days declared working days (调休) are. A year without an official calendar counts
 * weekdays only, and every result that counted a day of it is provisional (I11).
 */
export interface WorkingCalendar {
  readonly isWorkingDay: (d: LegalDate) => boolean;
  readonly hasOfficialYear: (year: number) => boolean;
  /** Years with an official calendar, ascending. */
  readonly officialYears: readonly number[];
}

/**
 * Combines official calendars; a later one replaces a year an earlier one has (a corrected notice
 * replaces the whole year's arrangement).
 */
export const workingCalendar = (...calendars: readonly OfficialCalendarData[]): WorkingCalendar => {
  const years = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  for (const cal of calendars)
    for (const [y, data] of Object.entries(cal.years))
      years.set(Number(y), {
        holidays: new Set(data.holidays.map((h) => h.date)),
        workdays: new Set(data.workdays.map((w) => w.date)),
      });
  return {
    isWorkingDay: (d) => {
      const official = years.get(yearOf(d));
      if (official) {
        if (official.holidays.has(d)) return false;
        if (official.workdays.has(d)) return true;
      }
      const wd = weekday(d);
      return wd !== 0 && wd !== 6;
    },
    hasOfficialYear: (y) => years.has(y),
    officialYears: [...years.keys()].sort((a, b) => a - b),
  };
};

/** The built-in official calendars, plus any loaded at run time. */
export const officialWorkingCalendar = (...loaded: readonly OfficialCalendarData[]): WorkingCalendar =>
  workingCalendar(BUILT_IN_CALENDAR, ...loaded);

interface WindowClose {
  /** The legal date of the Nth working day. */
  readonly closesOn: LegalDate;
  /** 23:59:59 Asia/Shanghai of that day, as a UTC instant (I12, I13). */
  readonly closesAt: string;
  /** True when a day counted falls in a year without an official calendar (I11). */
  readonly provisional: boolean;
}

/**
 * "Within N working days after day X" (N个工作日内): day 1 is the first working day after X; the
 * window closes at the end of the Nth working day (I12). N = 0 closes at the end of X itself.
 */
export const addWorkingDays = (from: LegalDate, n: number, cal: WorkingCalendar): WindowClose => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = from;
  let counted = 0;
  let provisional = false;
  while (counted < n) {
    d = addDays(d, 1);
    if (!cal.hasOfficialYear(yearOf(d))) provisional = true;
    if (cal.isWorkingDay(d)) counted++;
  }
  return { closesOn: d, closesAt: endOfLegalDayInstant(d), provisional };
};

/** "By date X" (于X前): the end of day X, whether or not X is a working day. */
export const byDate = (d: LegalDate): { closesOn: LegalDate; closesAt: string; provisional: false } => ({
  closesOn: d,
  closesAt: endOfLegalDayInstant(d),
  provisional: false,
});

/**
 * Working days in (from, to]: how many working days `to` lies after `from` (0 when not after).
 * Used for "overdue by" and "at risk by" (docs/timeline.md "Feasibility"). Provisional when a counted
 * day has no official calendar.
 */
export const workingDaysAfter = (
  from: LegalDate,
  to: LegalDate,
  cal: WorkingCalendar,
): { days: number; provisional: boolean } => {
  let days = 0;
  let provisional = false;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (!cal.hasOfficialYear(yearOf(d))) provisional = true;
    if (cal.isWorkingDay(d)) days++;
  }
  return { days, provisional };
};
