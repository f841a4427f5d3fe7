import type { Grade } from '../../../domain/evaluation/grade.ts';
import type {
  PublishedDirectory,
  PublishedEntry,
  PublishedKind,
  PublishedPage,
} from '../../ports/publishedDirectory.ts';
import { type Invalid, invalid, type NotFound, notFound, type Outcome, ok } from '../../shared/errors.ts';
import {
  BAD_CURSOR,
  checkedValue,
  cursorParam,
  gradeParam,
  isPublishedKind,
  issuesOf,
  leagueParam,
  yearParam,
} from './params.ts';

/**
 * A year's published list of a kind (Art 20), filtered by league and grade: a page of it for the
 * list page, or all of it for the Excel download. Practitioners are never listed (Art 18(6), 35):
 * their kind is not found.
 */
export interface ListAsked {
  readonly year?: string;
  readonly kind?: string;
  readonly league?: string;
  readonly grade?: string;
  readonly cursor?: string;
}

export interface ListFilter {
  readonly kind: PublishedKind;
  readonly year: number;
  readonly league?: string;
  readonly grade?: Grade;
}

export const LIST_PAGE_SIZE = 50;
/** Rows of one Excel download at most (a whole year of a kind in the region is far fewer). */
export const LIST_EXPORT_MAX = 50_000;

export class ListPublished {
  constructor(private readonly directory: PublishedDirectory) {}

  /** The filter asked for, or the 400 naming every bad parameter (404 for a kind never published). */
  filterOf(asked: ListAsked): Outcome<ListFilter & { readonly cursor?: string }, Invalid | NotFound> {
    if (!isPublishedKind(asked.kind)) return notFound;
    const year = yearParam(asked.year);
    const league = leagueParam(asked.league);
    const grade = gradeParam(asked.grade);
    const cursor = cursorParam(asked.cursor);
    const issues = issuesOf(year, league, grade, cursor);
    if (issues.length > 0) return invalid(issues);
    const l = checkedValue(league);
    const g = checkedValue(grade);
    const c = checkedValue(cursor);
    return ok({
      kind: asked.kind,
      year: checkedValue(year),
      ...(l === undefined ? {} : { league: l }),
      ...(g === undefined ? {} : { grade: g }),
      ...(c === undefined ? {} : { cursor: c }),
    });
  }

  async page(asked: ListAsked): Promise<Outcome<{ filter: ListFilter; page: PublishedPage }, Invalid | NotFound>> {
    const f = this.filterOf(asked);
    if (f.status !== 'ok') return f;
    const { cursor, ...filter } = f.value;
    const read = await this.directory.listPublished(filter, {
      limit: LIST_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    return read.status === 'ok' ? ok({ filter, page: read.page }) : invalid([BAD_CURSOR]);
  }

  /** Every entry of the filtered list (the download ignores any cursor). */
  async all(asked: ListAsked): Promise<Outcome<{ filter: ListFilter; entries: PublishedEntry[] }, Invalid | NotFound>> {
    const f = this.filterOf({ ...asked, cursor: undefined });
    if (f.status !== 'ok') return f;
    const { cursor: _, ...filter } = f.value;
    const entries: PublishedEntry[] = [];
    let cursor: string | undefined;
    do {
      const read = await this.directory.listPublished(filter, {
        limit: 1000,
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (read.status !== 'ok') return invalid([BAD_CURSOR]);
      entries.push(...read.page.entries);
      cursor = read.page.next ?? undefined;
    } while (cursor !== undefined && entries.length < LIST_EXPORT_MAX);
    return ok({ filter, entries });
  }

  /** The years with published results, per kind, latest first. */
  async years(): Promise<{ kind: PublishedKind; years: number[] }[]> {
    return Promise.all(
      (['enterprise', 'agency'] as const).map(async (kind) => ({
        kind,
        years: await this.directory.publishedYears(kind),
      })),
    );
  }
}
