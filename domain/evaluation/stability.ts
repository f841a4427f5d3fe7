import { addDays, type LegalDate } from '../dates.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { PublishedGrade } from './blacklist.ts';
import { warningExpiry } from './creditWarning.ts';

/**
 * The last date through which a result computed as of `asOf` stays the same result (but for its
 * as-of date): the day before the next date on which a record occurs, a credit warning expires
 * (Art 22), a record is rectified, repaired or revoked (Art 23, I6, I8), a client record changes (I4),
 * or a grade is published (Art 19, I10). Nothing else in the rules depends on the date, so a stored
 * result can be served for any as-of date up to this one without computing it again.
 * Staff links (Annex 2) depend on other subjects' records: an agency with staff is stable only
 * through `asOf` itself.
 */
export const FOREVER: LegalDate = '9999-12-31';

export const stableThrough = (
  asOf: LegalDate,
  records: readonly CreditRecord[],
  clients: readonly CreditRecord[],
  history: readonly PublishedGrade[],
  hasStaff = false,
): LegalDate => {
  if (hasStaff) return asOf;
  let next: LegalDate | null = null;
  const consider = (d: LegalDate | null | undefined) => {
    if (d != null && d > asOf && (next === null || d < next)) next = d;
  };
  for (const r of [...records, ...clients]) {
    consider(r.occurredOn);
    consider(r.rectifiedOn);
    consider(r.repairedOn);
    consider(r.revokedOn);
    // A pending warning starts to count the day after its deadline.
    if (r.warning) consider(warningExpiry(r.warning).expiresOn);
  }
  for (const h of history) consider(h.publishedOn);
  return next === null ? FOREVER : addDays(next, -1);
};
