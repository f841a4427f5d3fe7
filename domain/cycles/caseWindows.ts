import { endOfLegalDayInstant, type LegalDate, startOfLegalDayInstant } from '../dates.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/workingCalendar.ts';
import { earliestRepairDate } from '../evaluation/repair.ts';
import type { Tenths } from '../points.ts';

/**
 * Per-case windows outside the yearly cycle (TIMELINE.md "Windows outside the cycle"), each with
 * its article: what a bureau must do by when for one case.
 */
export interface CaseDeadline {
  readonly on: LegalDate;
  /** 23:59:59 Asia/Shanghai of `on` (I12, I13) — for the earliest repair date, the day's first moment. */
  readonly at: string;
  readonly article: string;
  readonly provisional: boolean;
}

const inWorkingDays = (from: LegalDate, n: number, article: string, cal: WorkingCalendar): CaseDeadline => {
  const c = addWorkingDays(from, n, cal);
  return { on: c.closesOn, at: c.closesAt, article, provisional: c.provisional };
};

/** Art 20: participants file within 20 working days of the notice. */
export const filingDeadline = (noticeOn: LegalDate, cal: WorkingCalendar) => inWorkingDays(noticeOn, 20, 'Art 20', cal);

/** Art 17(3), 18(4): objections within 5 working days of the confirmation notice. */
export const objectionDeadline = (noticeOn: LegalDate, cal: WorkingCalendar) => inWorkingDays(noticeOn, 5, 'Art 17(3)', cal);

/** Art 17(3): agencies' objections reviewed within 10 working days; Art 18(4): practitioners' within 5. */
export const objectionReviewDeadline = (kind: 'agency' | 'practitioner', receivedOn: LegalDate, cal: WorkingCalendar) =>
  kind === 'agency' ? inWorkingDays(receivedOn, 10, 'Art 17(3)', cal) : inWorkingDays(receivedOn, 5, 'Art 18(4)', cal);

/** Art 23 ¶2: the league bureau verifies a repair application within 20 working days of receipt. */
export const repairVerificationDeadline = (receivedOn: LegalDate, cal: WorkingCalendar) => inWorkingDays(receivedOn, 20, 'Art 23', cal);

/** Art 25: a practitioner's repair application is verified within 20 working days of receipt. */
export const practitionerRepairVerificationDeadline = (receivedOn: LegalDate, cal: WorkingCalendar) => inWorkingDays(receivedOn, 20, 'Art 25', cal);

/** Art 22: a credit warning's deadline is the date written in the notice, to its end. */
export const creditWarningDeadline = (warning: { readonly deadline: LegalDate }): CaseDeadline => ({
  on: warning.deadline,
  at: endOfLegalDayInstant(warning.deadline),
  article: 'Art 22',
  provisional: false,
});

/** Art 27 (I3): the earliest day a repair may be applied for, in calendar months after rectification. */
export const earliestRepairApplication = (rectifiedOn: LegalDate, points: Tenths, directD: boolean): CaseDeadline => {
  const on = earliestRepairDate(rectifiedOn, points, directD);
  return { on, at: startOfLegalDayInstant(on), article: 'Art 27', provisional: false };
};
