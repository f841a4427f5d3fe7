import type { LegalDate } from '../../domain/dates.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type { SubjectRef } from './store.ts';

/**
 * The published results as lists (Art 20: results are published; Art 18(6), 35: never
 * practitioners): which years are published, a year's list by league and grade, a search by name,
 * the grade counts behind the public charts, and one subject's published years. Reads only; the
 * publication writes the entries (docs/storage.md #21–#25).
 */
export type PublishedKind = 'enterprise' | 'agency';

export interface PublishedEntry {
  readonly kind: PublishedKind;
  readonly id: string;
  readonly name: string;
  readonly league: string;
  readonly year: number;
  readonly score: number | null;
  readonly grade: Grade | null;
  readonly publishedOn: LegalDate;
}

/** A page of a list, and where the next one starts (null on the last page). */
export interface PublishedPage {
  readonly entries: readonly PublishedEntry[];
  readonly next: string | null;
}

/** A page, or `badCursor`: the cursor given was not one this list hands out. */
export type PageOutcome = { readonly status: 'ok'; readonly page: PublishedPage } | { readonly status: 'badCursor' };

export interface PublishedListQuery {
  readonly kind: PublishedKind;
  readonly year: number;
  readonly league?: string;
  readonly grade?: Grade;
}

export interface PageRequest {
  /** Where the page starts: a `next` of an earlier page of the same list; absent for the first. */
  readonly cursor?: string;
  readonly limit: number;
}

/** How many results of a year have each grade, in one league. */
export interface LeagueGradeCount {
  readonly league: string;
  readonly counts: Readonly<Record<Grade, number>>;
}

/** One published year of a subject, as its history shows it. */
export interface PublishedYear {
  readonly year: number;
  readonly score: number | null;
  readonly grade: Grade | null;
  readonly publishedOn: LegalDate;
}

export interface PublishedDirectory {
  /** The years with published results of a kind, latest first. */
  publishedYears(kind: PublishedKind): Promise<number[]>;
  /** A page of a year's list, by league, then grade, then code (or by grade alone when only a grade is asked). */
  listPublished(query: PublishedListQuery, page: PageRequest): Promise<PageOutcome>;
  /** A page of a year's results whose name contains `text`. */
  searchPublished(kind: PublishedKind, year: number, text: string, page: PageRequest): Promise<PageOutcome>;
  /** The grade counts of a year's results, per league (leagues without results are absent). */
  gradeCounts(kind: PublishedKind, year: number): Promise<LeagueGradeCount[]>;
  /** Every published year of an enterprise or agency, earliest first (none for a practitioner). */
  publishedHistory(subject: SubjectRef): Promise<PublishedYear[]>;
}
