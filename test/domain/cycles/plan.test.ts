import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { planCycle, planFrom } from '../../../domain/cycles/plan.ts';

const cal = officialWorkingCalendar();
const table = (kind: 'enterprise' | 'agency' | 'practitioner', year: number, notice?: string) =>
  planCycle(kind, year, cal, notice).deadlines.map((d) => [d.id, d.on, d.type, d.article, d.atRiskBy]);

describe('cycle plans and feasibility (docs/timeline.md)', () => {
  it('agency 2025 from a notice on 2026-03-31: the legal windows overrun three fixed dates (docs/api.md §5)', () => {
    expect(table('agency', 2025, '2026-03-31')).toEqual([
      ['LISTING.end', '2026-03-31', 'fixed', 'Art 17(1)', 0],
      ['FILING.end', '2026-04-29', 'window', 'Art 20', 0],
      ['SUPPLEMENT.end', '2026-05-15', 'window', 'Art 17(2)', 0],
      ['CONFIRMATION.end', '2026-05-22', 'window', 'Art 17(3)', 0],
      ['OBJECTION.review', '2026-06-05', 'window', 'Art 17(3)', 0],
      ['REPORTED.end', '2026-04-30', 'fixed', 'Art 17(3)', 24],
      ['PUBLICITY.start', '2026-05-20', 'fixed', 'Art 17(4)', 12],
      ['PUBLICITY.end', '2026-06-16', 'window', 'Art 17(4)', 0],
      ['PUBLISHED.start', '2026-06-05', 'fixed', 'Art 17(7)', 7],
    ]);
  });

  it('enterprise 2025 without a notice date starts on its listing date and fits (Art 16, 20)', () => {
    expect(table('enterprise', 2025)).toEqual([
      ['LISTING.end', '2026-01-31', 'fixed', 'Art 16(1)', 0],
      ['FILING.end', '2026-03-05', 'window', 'Art 20', 0],
      ['GRADING.end', '2026-04-30', 'fixed', 'Art 16(2)', 0],
      ['PUBLICITY.start', '2026-05-31', 'fixed', 'Art 16(3)', 0],
      ['PUBLICITY.end', '2026-03-16', 'window', 'Art 16(3)', 0],
      ['PUBLISHED.start', '2026-06-30', 'fixed', 'Art 16(5)', 0],
    ]);
  });

  it('practitioner 2025 from 2026-03-31 fits the 04-30 report (Art 18)', () => {
    expect(table('practitioner', 2025, '2026-03-31')).toEqual([
      ['LISTING.end', '2026-03-31', 'fixed', 'Art 18(1)', 0],
      ['SUPPLEMENT.end', '2026-04-15', 'window', 'Art 18(2)', 0],
      ['CONFIRMATION.end', '2026-04-22', 'window', 'Art 18(4)', 0],
      ['OBJECTION.review', '2026-04-29', 'window', 'Art 18(4)', 0],
      ['REPORTED.end', '2026-04-30', 'fixed', 'Art 18(4)', 0],
      ['NOTIFIED.start', '2026-05-30', 'fixed', 'Art 18(6)', 0],
    ]);
  });

  it('a late notice puts the listing date itself at risk', () => {
    expect(planCycle('enterprise', 2025, cal, '2026-02-03').deadlines[0]).toMatchObject({
      id: 'LISTING.end',
      atRiskBy: 2,
      plannedOn: '2026-02-03',
    });
  });

  it('I11: a plan for 2026 counted into 2027 is provisional', () => {
    const plan = planCycle('agency', 2026, cal);
    expect(plan.deadlines.find((d) => d.id === 'FILING.end')!.provisional).toBe(true);
    expect(plan.deadlines.find((d) => d.id === 'LISTING.end')!.provisional).toBe(false);
  });

  it('re-plans from an open window (used when a window opens or moves)', () => {
    const rest = planFrom('agency', 2025, cal, 1, '2026-04-29', true).map((d) => d.id);
    expect(rest).toEqual([
      'SUPPLEMENT.end',
      'CONFIRMATION.end',
      'OBJECTION.review',
      'REPORTED.end',
      'PUBLICITY.start',
      'PUBLICITY.end',
      'PUBLISHED.start',
    ]);
  });
});
