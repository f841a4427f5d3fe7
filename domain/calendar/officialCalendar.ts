import * as z from 'zod/mini';
import { isLegalDate, type LegalDate, weekday, yearOf } from '../dates.ts';
import { type InputIssue, type Validated, validate } from '../validation.ts';
import builtIn from './cn-holidays-2024-2026.json' with { type: 'json' };

/**
 * The official State Council arrangements of holidays and adjusted working days (国务院办公厅关于
 * 部分节假日安排的通知), in the format of `cn-holidays-2024-2026.json`:
 * `{"years": {"2027": {"holidays": [{"date", "name"}], "workdays": [{"date", "name"}]}}}`.
 * 2024-2026 are built in with their sources; later years are loaded when published (I11).
 */
interface CalendarDay {
  readonly date: LegalDate;
  readonly name: string;
}

interface OfficialYear {
  readonly holidays: readonly CalendarDay[];
  readonly workdays: readonly CalendarDay[];
}

export interface OfficialCalendarData {
  readonly years: Readonly<Record<string, OfficialYear>>;
  /** Where each year's data comes from (kept with the built-in data). */
  readonly source_notes?: Readonly<Record<string, unknown>>;
}

const day = z.object({
  date: z
    .string({ error: '日期须为 YYYY-MM-DD 格式' })
    .check(z.refine((s) => isLegalDate(s), { error: '不是有效的日历日期（YYYY-MM-DD）' })),
  name: z.string({ error: '名称须为字符串' }).check(z.minLength(1, { error: '名称不能为空' })),
});

const calendarSchema = z.object({
  years: z.record(
    z.string().check(z.regex(/^\d{4}$/, { error: '年份须为四位数字' })),
    z.object({
      holidays: z.array(day, { error: 'holidays 须为数组' }),
      workdays: z.array(day, { error: 'workdays 须为数组' }),
    }),
    { error: 'years 须为对象' },
  ),
  source_notes: z.optional(z.record(z.string(), z.unknown())),
  missing_years: z.optional(z.array(z.string())),
});

/**
 * Validates an official calendar: a date both a holiday and a working day, a date outside its
 * year, a weekday marked as an adjusted working day (调休上班 is always a weekend day), or a date
 * listed twice are refused with a message naming the field.
 */
export const parseOfficialCalendar = (raw: unknown): Validated<OfficialCalendarData> => {
  const v = validate(calendarSchema, raw);
  if (!v.ok) return v;
  const issues: InputIssue[] = [];
  for (const [year, data] of Object.entries(v.value.years)) {
    const holidays = new Set<string>();
    data.holidays.forEach((h, i) => {
      if (yearOf(h.date) !== Number(year))
        issues.push({ path: `years.${year}.holidays[${i}].date`, message: `${h.date} 不在 ${year} 年内` });
      if (holidays.has(h.date))
        issues.push({ path: `years.${year}.holidays[${i}].date`, message: `${h.date} 重复列出` });
      holidays.add(h.date);
    });
    const workdays = new Set<string>();
    data.workdays.forEach((w, i) => {
      const path = `years.${year}.workdays[${i}].date`;
      if (yearOf(w.date) !== Number(year)) issues.push({ path, message: `${w.date} 不在 ${year} 年内` });
      if (holidays.has(w.date)) issues.push({ path, message: `${w.date} 同时被列为节假日和调休工作日` });
      const wd = weekday(w.date);
      if (wd !== 0 && wd !== 6)
        issues.push({ path, message: `${w.date} 是周一至周五，本来就是工作日，不能列为调休工作日` });
      if (workdays.has(w.date)) issues.push({ path, message: `${w.date} 重复列出` });
      workdays.add(w.date);
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: v.value };
};

/** The built-in official calendars 2024-2026 (validated once, at load). */
export const BUILT_IN_CALENDAR: OfficialCalendarData = (() => {
  const v = parseOfficialCalendar(builtIn);
  if (!v.ok) throw new Error(`built-in calendar invalid: ${JSON.stringify(v.issues)}`);
  return v.value;
})();
