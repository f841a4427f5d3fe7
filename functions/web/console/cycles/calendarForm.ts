import { addDays, isLegalDate } from '../../../../domain/dates.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { LoadCalendarRequest } from '../../../cycles/contracts.ts';

/**
 * The calendar form as an officer fills it from the State Council's notice (国务院办公厅关于部分节假日
 * 安排的通知): one line per holiday or adjusted working day, `2027-01-01 元旦`, or a run of days
 * `2027-02-05~2027-02-11 春节` (also `至`). It becomes the body `PUT /v1/calendars/{year}` takes;
 * the rules between dates (a day both holiday and working day, a day outside the year) stay the
 * domain's (`parseOfficialCalendar`), checked by LoadCalendar.
 */
export const CALENDAR_FIELDS = { holidays: '放假日期', workdays: '调休上班日期' } as const;
const DEFAULT_NAMES = { holidays: '法定节假日', workdays: '调休上班' } as const;
/** The longest run of days one line may name (the Spring Festival holiday is 8-9 days). */
const MAX_RUN_DAYS = 31;

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至)\s*(\d{4}-\d{2}-\d{2}))?(?:[\s,，、]+(.*))?$/;

type Day = { date: string; name: string };

const linesOf = (field: keyof typeof CALENDAR_FIELDS, text: string, issues: InputIssue[]): Day[] => {
  const days: Day[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${CALENDAR_FIELDS[field]}第${i + 1}行`;
    const m = LINE.exec(line);
    if (!m || !isLegalDate(m[1]) || (m[2] !== undefined && !isLegalDate(m[2]))) {
      issues.push({
        path: field,
        message: `${where}：须为“日期 名称”，如 2027-01-01 元旦 或 2027-02-05~2027-02-11 春节`,
      });
      return;
    }
    const from = m[1]!;
    const to = m[2] ?? from;
    if (to < from || addDays(from, MAX_RUN_DAYS) <= to) {
      issues.push({ path: field, message: `${where}：起止日期有误（至多连续 ${MAX_RUN_DAYS} 天）` });
      return;
    }
    const name = (m[3] ?? '').trim() || DEFAULT_NAMES[field];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, name });
  });
  return days;
};

export const calendarRequestOf = (
  form: Readonly<Record<string, string>>,
):
  | { ok: true; year: number; body: LoadCalendarRequest & { holidays: Day[]; workdays: Day[] } }
  | { ok: false; issues: InputIssue[] } => {
  const issues: InputIssue[] = [];
  const yearText = (form.year ?? '').trim();
  if (!/^\d{4}$/.test(yearText)) issues.push({ path: 'year', message: '年度须为四位数字' });
  const holidays = linesOf('holidays', form.holidays ?? '', issues);
  const workdays = linesOf('workdays', form.workdays ?? '', issues);
  if (holidays.length === 0 && issues.length === 0)
    issues.push({ path: 'holidays', message: '请至少填写一个放假日期' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, year: Number(yearText), body: { holidays, workdays } };
};
