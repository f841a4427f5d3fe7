import { parseOfficialCalendar } from '../../domain/calendar/officialCalendar.ts';
import { officialWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { isLegalDate } from '../../domain/dates.ts';
import { describeIssues } from '../../domain/validation.ts';
import { readJsonInput, UsageError } from './io.ts';

/** `--calendar FILE` (repeatable): official calendars loaded on top of the built-in ones (docs/api.md §5). */
export const loadCalendars = (files: readonly string[]): WorkingCalendar =>
  officialWorkingCalendar(
    ...files.map((file) => {
      const parsed = parseOfficialCalendar(readJsonInput(file));
      if (!parsed.ok) throw new UsageError(`节假日安排文件 ${file} 无效：${describeIssues(parsed.issues)}`);
      return parsed.value;
    }),
  );

export const requireDate = (value: string | undefined, flag: string): string => {
  if (value === undefined) throw new UsageError(`缺少参数 ${flag}（YYYY-MM-DD）`);
  if (!isLegalDate(value)) throw new UsageError(`${flag} 不是有效的日期（YYYY-MM-DD）：${value}`);
  return value;
};

export const requireInteger = (value: string | undefined, flag: string, min: number, max: number): number => {
  if (value === undefined) throw new UsageError(`缺少参数 ${flag}`);
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} 须为 ${min} 至 ${max} 之间的整数：${value}`);
  return Number(value);
};
