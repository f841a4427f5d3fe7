import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../../domain/dates.ts';
import { calendarRequestOf } from '../../../../../functions/web/console/cycles/calendarForm.ts';

/** The calendar form, line by line as the State Council's notice lists days (I11). */
describe('the calendar form', () => {
  it('reads one day per line, and runs of days written with ~ or 至', () => {
    const r = calendarRequestOf({
      year: '2027',
      holidays: '2027-01-01 元旦\r\n\n2027-02-10~2027-02-12 春节\n2027-05-01至2027-05-02，劳动节',
      workdays: '2027-02-20',
    });
    expect(r).toEqual({
      ok: true,
      year: 2027,
      body: {
        holidays: [
          { date: '2027-01-01', name: '元旦' },
          { date: '2027-02-10', name: '春节' },
          { date: '2027-02-11', name: '春节' },
          { date: '2027-02-12', name: '春节' },
          { date: '2027-05-01', name: '劳动节' },
          { date: '2027-05-02', name: '劳动节' },
        ],
        workdays: [{ date: '2027-02-20', name: '调休上班' }],
      },
    });
  });

  it('names the field and line of each mistake', () => {
    const r = calendarRequestOf({ year: '27', holidays: '2027-13-01 元旦\n2027-02-12~2027-02-10 春节', workdays: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['year', 'holidays', 'holidays', 'workdays']);
    expect(r.issues[1]!.message).toMatch(/^放假日期第1行：/);
    expect(r.issues[2]!.message).toMatch(/^放假日期第2行：起止日期有误/);
    expect(r.issues[3]!.message).toMatch(/^调休上班日期第1行：/);
  });

  it('asks for at least one holiday, and refuses a run longer than a month', () => {
    expect(calendarRequestOf({ year: '2027', holidays: ' ', workdays: '' })).toEqual({
      ok: false,
      issues: [{ path: 'holidays', message: '请至少填写一个放假日期' }],
    });
    const long = calendarRequestOf({ year: '2027', holidays: '2027-01-01~2027-12-31 全年', workdays: '' });
    expect(long.ok).toBe(false);
  });

  it('a run of days is the same as the days written one per line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 0, max: 30 }), (start, length) => {
        const from = addDays('2027-01-01', start);
        const to = addDays(from, length);
        const days = Array.from({ length: length + 1 }, (_, i) => `${addDays(from, i)} 假日`).join('\n');
        const run = calendarRequestOf({ year: '2027', holidays: `${from}~${to} 假日`, workdays: '' });
        const lines = calendarRequestOf({ year: '2027', holidays: days, workdays: '' });
        expect(run).toEqual(lines);
        expect(run.ok && run.body.holidays).toHaveLength(length + 1);
      }),
    );
  });
});
