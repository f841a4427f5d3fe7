import type { SubjectKind } from '../catalogue/kinds.ts';
import { addDays, endOfLegalDayInstant, type LegalDate, startOfLegalDayInstant } from '../dates.ts';

/**
 * Credit warnings (信用预警, Art 21-22). A bureau that finds a deduction it may warn about sends a
 * notice with a rectification deadline (整改期限). Art 22: rectified within the deadline and
 * confirmed, the record is never deducted; I8: when the deadline passes unconfirmed, the record
 * counts from its occurrence date, and a later rectification does not cancel it (it starts the
 * Art 27 repair wait). I18: only units are warned.
 */
interface CreditWarning {
  readonly issuedOn: LegalDate;
  readonly deadline: LegalDate;
}

/** I18: "warnings are for units" — the kinds a credit warning (Art 21-22) may be issued to. */
export const I18_WARNED_KINDS: readonly SubjectKind[] = ['enterprise', 'agency'];

/**
 * Where a credit warning stands as of `asOf`:
 * - `rectified`: rectified on or before the deadline, and the rectification is known at `asOf` (Art 22);
 * - `open`: the deadline (the date written in the notice, to its end) has not passed (Art 22);
 * - `expired`: the deadline passed unrectified; the record counts from its occurrence (I8).
 * The one place that decides whether a warning has expired: `warningExpiry` names the same day.
 * Dates are YYYY-MM-DD, so comparing strings compares dates (no allocation on the hot path).
 */
type WarningState = 'open' | 'rectified' | 'expired';

export const warningState = (
  warning: Pick<CreditWarning, 'deadline'>,
  rectifiedOn: LegalDate | null,
  asOf: LegalDate,
): WarningState => {
  const deadline = warning.deadline;
  if (rectifiedOn != null && rectifiedOn <= deadline && rectifiedOn <= asOf) return 'rectified';
  return asOf <= deadline ? 'open' : 'expired';
};

/** When a credit warning's deadline ends and when an unrectified warning has expired (Art 22, I8). */
interface WarningExpiry {
  /** The deadline written in the notice (Art 22). */
  readonly deadline: LegalDate;
  /** 23:59:59 Asia/Shanghai of the deadline: the last moment rectification is in time (I12, I13). */
  readonly deadlineAt: string;
  /** The first day on which an unrectified warning is `expired` and the record counts (I8). */
  readonly expiresOn: LegalDate;
  /** 00:00:00 Asia/Shanghai of `expiresOn`: the moment to re-evaluate the subject. */
  readonly expiresAt: string;
  readonly article: 'Art 22';
}

/**
 * The expiry of a credit warning: for stability (the day a result may change), for the pending
 * item's deadline, and for the schedule that re-evaluates the subject when the deadline passes.
 * `warningState(w, null, d)` is `expired` exactly when `d >= warningExpiry(w).expiresOn`.
 */
export const warningExpiry = (warning: Pick<CreditWarning, 'deadline'>): WarningExpiry => {
  const expiresOn = addDays(warning.deadline, 1);
  return {
    deadline: warning.deadline,
    deadlineAt: endOfLegalDayInstant(warning.deadline),
    expiresOn,
    expiresAt: startOfLegalDayInstant(expiresOn),
    article: 'Art 22',
  };
};
