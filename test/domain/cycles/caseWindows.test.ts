import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import {
  creditWarningDeadline, earliestRepairApplication, filingDeadline, objectionDeadline, objectionReviewDeadline,
  practitionerRepairVerificationDeadline, repairVerificationDeadline,
} from '../../../domain/cycles/caseWindows.ts';
import { tenths } from '../../../domain/points.ts';

const cal = officialWorkingCalendar();

describe('per-case windows (TIMELINE.md "Windows outside the cycle")', () => {
  it('Art 20: filing within 20 working days of the notice', () => {
    expect(filingDeadline('2026-03-31', cal)).toEqual({ on: '2026-04-29', at: '2026-04-29T15:59:59.000Z', article: 'Art 20', provisional: false });
  });

  it('Art 17(3): objections within 5 working days; reviews within 10 (agencies) — Art 18(4): 5 (practitioners)', () => {
    expect(objectionDeadline('2026-09-28', cal).on).toBe('2026-10-10'); // National Day; Saturday 10-10 is worked
    expect(objectionReviewDeadline('agency', '2026-04-30', cal)).toMatchObject({ on: '2026-05-18', article: 'Art 17(3)' });
    expect(objectionReviewDeadline('practitioner', '2026-04-30', cal)).toMatchObject({ on: '2026-05-11', article: 'Art 18(4)' });
  });

  it('Art 23: a repair application is verified within 20 working days of receipt', () => {
    expect(repairVerificationDeadline('2026-09-21', cal)).toMatchObject({ on: '2026-10-26', article: 'Art 23', provisional: false });
  });

  it('Art 25: a practitioner’s repair application likewise, and provisional across into 2027 (I11)', () => {
    expect(practitionerRepairVerificationDeadline('2026-12-15', cal)).toMatchObject({ on: '2027-01-12', article: 'Art 25', provisional: true });
  });

  it('Art 22: a credit warning ends at the end of the date in its notice', () => {
    expect(creditWarningDeadline({ deadline: '2026-04-14' })).toEqual({ on: '2026-04-14', at: '2026-04-14T15:59:59.000Z', article: 'Art 22', provisional: false });
  });

  it('Art 27: the earliest repair application opens at the first moment of its day', () => {
    expect(earliestRepairApplication('2026-05-31', tenths(-50), false)).toEqual({ on: '2026-07-31', at: '2026-07-30T16:00:00.000Z', article: 'Art 27', provisional: false });
  });
});
