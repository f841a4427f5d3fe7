import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar, workingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { movedDeadlines } from '../../../domain/cycles/calendarReload.ts';
import type { Deadline } from '../../../domain/cycles/cycle.ts';

const base: Deadline = {
  id: 'FILING.end@150100',
  stage: 'FILING',
  league: '150100',
  caseId: null,
  type: 'window',
  on: '2027-01-01',
  at: '2027-01-01T15:59:59.000Z',
  article: 'Art 20',
  provisional: true,
  basis: { from: '2026-12-24', workingDays: 6 },
  status: 'scheduled',
};

describe('I11: deadlines that move when a calendar is loaded', () => {
  const with2027 = officialWorkingCalendar({
    years: { '2027': { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] } },
  });

  it('moves a provisional working-day deadline whose day became a holiday', () => {
    expect(movedDeadlines([base], with2027).moved).toEqual([
      { id: base.id, from: '2027-01-01', to: '2027-01-04', provisional: false },
    ]);
  });

  it('leaves fixed dates, settled deadlines and exact deadlines alone', () => {
    const fixed = { ...base, id: 'LISTING.end@150100', basis: null };
    const cancelled = { ...base, id: 'X', status: 'cancelled' as const };
    const exact = { ...base, id: 'Y', provisional: false };
    expect(movedDeadlines([fixed, cancelled, exact], with2027)).toEqual({ moved: [], updated: [] });
  });

  it('drops the provisional mark without moving when the date holds', () => {
    const r = movedDeadlines(
      [base],
      workingCalendar({ years: { '2026': { holidays: [], workdays: [] }, '2027': { holidays: [], workdays: [] } } }),
    );
    expect(r.moved).toEqual([]);
    expect(r.updated).toEqual([{ ...base, provisional: false }]);
  });
});
