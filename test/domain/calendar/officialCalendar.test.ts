import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR, parseOfficialCalendar } from '../../../domain/calendar/officialCalendar.ts';

const year = (holidays: { date: string; name: string }[], workdays: { date: string; name: string }[]) => ({
  years: { '2027': { holidays, workdays } },
});

describe('official calendars (I11)', () => {
  it('builds in the State Council arrangements 2024-2026 with their sources', () => {
    expect(Object.keys(BUILT_IN_CALENDAR.years)).toEqual(['2024', '2025', '2026']);
    expect(JSON.stringify(BUILT_IN_CALENDAR.source_notes?.['2026'])).toContain(
      '国务院办公厅关于2026年部分节假日安排的通知',
    );
  });

  it('accepts a well-formed calendar', () => {
    expect(
      parseOfficialCalendar(year([{ date: '2027-01-01', name: '元旦' }], [{ date: '2027-02-06', name: '春节调休' }]))
        .ok,
    ).toBe(true);
  });

  it('refuses a date that is both a holiday and a working day', () => {
    const r = parseOfficialCalendar(
      year([{ date: '2027-02-06', name: '春节' }], [{ date: '2027-02-06', name: '春节调休' }]),
    );
    expect(!r.ok && r.issues[0]).toMatchObject({
      path: 'years.2027.workdays[0].date',
      message: expect.stringContaining('同时被列为节假日和调休工作日'),
    });
  });

  it('refuses a date outside its year', () => {
    const r = parseOfficialCalendar(year([{ date: '2026-12-31', name: '元旦' }], []));
    expect(!r.ok && r.issues[0]).toMatchObject({
      path: 'years.2027.holidays[0].date',
      message: expect.stringContaining('不在 2027 年内'),
    });
  });

  it('refuses a weekday marked as an adjusted working day', () => {
    const r = parseOfficialCalendar(year([], [{ date: '2027-02-08', name: '春节调休' }]));
    expect(!r.ok && r.issues[0]!.message).toContain('本来就是工作日');
  });

  it('refuses impossible dates and a bad shape, naming the field', () => {
    const r = parseOfficialCalendar(year([{ date: '2027-02-30', name: '春节' }], []));
    expect(!r.ok && r.issues[0]!.path).toBe('years.2027.holidays[0].date');
    expect(parseOfficialCalendar({ years: [] }).ok).toBe(false);
  });
});
