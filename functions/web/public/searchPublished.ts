import { subjectIdProblem } from '../../../domain/identifiers/subjectId.ts';
import type { PublishedDirectory, PublishedEntry, PublishedKind } from '../../ports/publishedDirectory.ts';
import type { SubjectRef } from '../../ports/store.ts';
import { type Invalid, invalid, type Outcome, ok } from '../../shared/errors.ts';
import { BAD_CURSOR, FIELD, PUBLISHED_KINDS } from './params.ts';

/**
 * The public search (信用中国's "search by name or code"): a unified social credit code goes
 * straight to its subject's published result; any other text is a part of a name, searched in the
 * latest published year of enterprises, then of agencies. Practitioners are never searched
 * (Art 18(6), 35): a resident identity number finds nothing.
 */
export const MAX_QUERY = 100;
export const SEARCH_PAGE_SIZE = 20;

/** Whether an enterprise or agency of this code has a published result (the public lookup). */
export type HasPublished = (subject: SubjectRef) => Promise<boolean>;

export type SearchAnswer =
  | { readonly type: 'subject'; readonly subject: SubjectRef }
  | { readonly type: 'noCode'; readonly code: string }
  | {
      readonly type: 'names';
      readonly text: string;
      readonly entries: readonly PublishedEntry[];
      readonly next: string | null;
    };

/** A search cursor: which kind it is in, and the directory's cursor within that kind's list. */
const cursorText = (kind: PublishedKind, inner: string | null) => `${kind === 'enterprise' ? 'e' : 'a'}.${inner ?? ''}`;
const cursorOf = (s: string): { kind: PublishedKind; inner: string | undefined } | null => {
  const m = /^([ea])\.([A-Za-z0-9_-]{0,1024})$/.exec(s);
  return m ? { kind: m[1] === 'e' ? 'enterprise' : 'agency', inner: m[2] || undefined } : null;
};

export class SearchPublished {
  constructor(
    private readonly directory: PublishedDirectory,
    private readonly hasPublished: HasPublished,
  ) {}

  async execute(asked: { q?: string; cursor?: string }): Promise<Outcome<SearchAnswer, Invalid>> {
    const text = (asked.q ?? '').trim();
    if (text === '')
      return invalid([{ path: FIELD.q, message: '请输入企业或机构名称（可只输入一部分）或统一社会信用代码' }]);
    if ([...text].length > MAX_QUERY) return invalid([{ path: FIELD.q, message: `不能超过 ${MAX_QUERY} 个字` }]);
    const code = text.toUpperCase();
    if (/^[0-9A-Z]{18}$/.test(code) && subjectIdProblem('enterprise', code) === null) {
      for (const kind of PUBLISHED_KINDS)
        if (await this.hasPublished({ kind, id: code })) return ok({ type: 'subject', subject: { kind, id: code } });
      return ok({ type: 'noCode', code });
    }
    const start =
      asked.cursor === undefined || asked.cursor === ''
        ? { kind: 'enterprise' as const, inner: undefined }
        : cursorOf(asked.cursor);
    if (start === null) return invalid([BAD_CURSOR]);
    const entries: PublishedEntry[] = [];
    for (const kind of PUBLISHED_KINDS.slice(PUBLISHED_KINDS.indexOf(start.kind))) {
      const [year] = await this.directory.publishedYears(kind);
      const inner = kind === start.kind ? start.inner : undefined;
      if (year === undefined) continue;
      const limit = SEARCH_PAGE_SIZE - entries.length;
      const read = await this.directory.searchPublished(kind, year, text, {
        limit,
        ...(inner === undefined ? {} : { cursor: inner }),
      });
      if (read.status !== 'ok') return invalid([BAD_CURSOR]);
      entries.push(...read.page.entries);
      if (read.page.next !== null) return ok({ type: 'names', text, entries, next: cursorText(kind, read.page.next) });
      if (entries.length >= SEARCH_PAGE_SIZE) {
        const after = PUBLISHED_KINDS[PUBLISHED_KINDS.indexOf(kind) + 1];
        return ok({ type: 'names', text, entries, next: after ? cursorText(after, null) : null });
      }
    }
    return ok({ type: 'names', text, entries, next: null });
  }
}
