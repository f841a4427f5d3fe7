import { addWorkingDays, type WorkingCalendar } from '../calendar/workingCalendar.ts';
import type { LegalDate } from '../dates.ts';

/**
 * Per-case windows outside the yearly cycle (docs/timeline.md "Windows outside the cycle"), each with
 * its article: what a bureau must do by when for one repair application. The windows inside the
 * cycles (filing, objections and their review: Art 17(3), 18(4), 20) are data in `definitions.ts`,
 * read by the plan and the state machine; a credit warning's deadline is in
 * `evaluation/creditWarning.ts` (Art 22).
 */
interface CaseDeadline {
  readonly on: LegalDate;
  /** 23:59:59 Asia/Shanghai of `on` (I12, I13). */
  readonly at: string;
  readonly article: string;
  readonly provisional: boolean;
}

const inWorkingDays = (from: LegalDate, n: number, article: string, cal: WorkingCalendar): CaseDeadline => {
  const c = addWorkingDays(from, n, cal);
  return { on: c.closesOn, at: c.closesAt, article, provisional: c.provisional };
};

/** Art 23 ¶2: the league bureau verifies a repair application within 20 working days of receipt. */
export const repairVerificationDeadline = (receivedOn: LegalDate, cal: WorkingCalendar) =>
  inWorkingDays(receivedOn, 20, 'Art 23', cal);

/** Art 25: a practitioner's repair application is verified within 20 working days of receipt. */
export const practitionerRepairVerificationDeadline = (receivedOn: LegalDate, cal: WorkingCalendar) =>
  inWorkingDays(receivedOn, 20, 'Art 25', cal);
