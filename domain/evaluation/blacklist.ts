import type { LegalDate } from '../dates.ts';
import type { Grade } from './grade.ts';

/** A published annual grade (the input's `history`). */
export interface PublishedGrade {
  readonly year: number;
  readonly grade: Grade;
  /** When the grade was published; a grade published after the as-of date is not yet known. */
  readonly publishedOn?: LegalDate | null | undefined;
}

/** Art 19: "连续3年评定为D级的直接列入环境保护领域失信黑名单管理". */
const BLACKLIST_CONSECUTIVE_D_YEARS = 3;

/**
 * I10: three consecutive evaluation years each with a published D; a year without a published grade
 * breaks the run. Blacklisted from the publication of the third D until a later published grade is
 * not D (or a repair turns one of the three into a non-D, which the history then shows).
 * Looks at published grades of years up to `year`, known at `asOf`.
 */
export const isBlacklisted = (history: readonly PublishedGrade[], year: number, asOf: LegalDate): boolean => {
  const byYear = new Map<number, Grade>();
  for (const h of history) {
    if (h.year > year) continue;
    if (h.publishedOn != null && h.publishedOn > asOf) continue;
    byYear.set(h.year, h.grade);
  }
  if (byYear.size === 0) return false;
  const latest = Math.max(...byYear.keys());
  for (let y = latest; y > latest - BLACKLIST_CONSECUTIVE_D_YEARS; y--) if (byYear.get(y) !== 'D') return false;
  return true;
};

/** The grade published for `year` and known at `asOf` (the latest publication wins, e.g. after a repair). */
const publishedGradeOf = (history: readonly PublishedGrade[], year: number, asOf: LegalDate): Grade | null => {
  let found: PublishedGrade | null = null;
  for (const h of history) {
    if (h.year !== year) continue;
    if (h.publishedOn != null && h.publishedOn > asOf) continue;
    if (found === null || (h.publishedOn ?? '') >= (found.publishedOn ?? '')) found = h;
  }
  return found?.grade ?? null;
};

/**
 * I10: a year's result counts its own grade. The result of year Y is blacklisted when Y is D and
 * Y−1 and Y−2 were published D (known at `asOf`; a year without a published grade breaks the run).
 * It is a proposal until Y is published, and the listing starts on publication. A result of Y that
 * is not D is not blacklisted (the listing ends when it is published). Art 28's 2.0 ratio and the
 * Art 19 measure follow this value.
 */
export const isResultBlacklisted = (
  grade: Grade | null,
  history: readonly PublishedGrade[],
  year: number,
  asOf: LegalDate,
): boolean => {
  if (grade !== 'D') return false;
  for (let y = year - 1; y > year - BLACKLIST_CONSECUTIVE_D_YEARS; y--)
    if (publishedGradeOf(history, y, asOf) !== 'D') return false;
  return true;
};
