import type { LegalDate } from '../dates.ts';
import type { PublishedGrade } from './blacklist.ts';
import type { Grade } from './grade.ts';

/**
 * A subject's entry on the current blacklist (Art 19 "连续3年评定为D级的直接列入环境保护领域失信黑名单管理";
 * I10): when it started and why.
 *
 * Why: I10 — the listing starts on the publication of the third consecutive D and lasts while the
 * latest published grade continues the run; a later published grade that is not D, or a repair that
 * turns one of the run into a non-D (the history then shows it), ends it. For a run longer than three
 * years the entry started with the third D of the run, so `year` is the run's third year and `since`
 * that result's publication date.
 */
export interface BlacklistEntry {
  /** The D that made the listing (the third consecutive one). */
  readonly year: number;
  /** Its publication date; null if the history does not say. */
  readonly since: LegalDate | null;
  /** The consecutive D years, earliest first (at least three). */
  readonly years: readonly number[];
}

const RUN = 3;

/** A published year; a result without a grade (I15: suspended) is not D, so it ends a run. */
export type PublishedYearGrade = Omit<PublishedGrade, 'grade'> & { readonly grade: Grade | null };

export const blacklistEntry = (history: readonly PublishedYearGrade[], asOf: LegalDate): BlacklistEntry | null => {
  const known = new Map<number, { grade: Grade | null; publishedOn: LegalDate | null }>();
  for (const h of history) {
    const on = h.publishedOn ?? null;
    if (on !== null && on > asOf) continue;
    const before = known.get(h.year);
    // The latest publication of a year wins (a re-issue after a repair).
    if (before === undefined || (on ?? '') >= (before.publishedOn ?? ''))
      known.set(h.year, { grade: h.grade, publishedOn: on });
  }
  if (known.size === 0) return null;
  const latest = Math.max(...known.keys());
  if (known.get(latest)?.grade !== 'D') return null;
  let start = latest;
  // A year without a published grade breaks the run (I10).
  while (known.get(start - 1)?.grade === 'D') start--;
  if (latest - start + 1 < RUN) return null;
  const years: number[] = [];
  for (let y = start; y <= latest; y++) years.push(y);
  const made = start + RUN - 1;
  return { year: made, since: known.get(made)?.publishedOn ?? null, years };
};
