import type { Grade } from '../../../domain/evaluation/grade.ts';
import { isJurisdictionCode } from '../../../domain/identifiers/leagues.ts';
import type { InputIssue } from '../../../domain/validation.ts';
import type { PublishedKind } from '../../ports/publishedDirectory.ts';
import { GRADES } from '../ui/format.ts';

/**
 * The query parameters of the public pages, checked before anything is read: each refusal names
 * its field as the page's form labels it, with the parameter's name for those who type URLs.
 */
export const FIELD = {
  q: '名称或代码（q）',
  year: '评价年度（year）',
  league: '盟市（league）',
  grade: '评价等级（grade）',
  cursor: '分页位置（cursor）',
} as const;

/** Only enterprises and agencies are ever published (Art 18(6), 35: never practitioners). */
export const isPublishedKind = (s: string | undefined): s is PublishedKind => s === 'enterprise' || s === 'agency';

export const PUBLISHED_KINDS: readonly PublishedKind[] = ['enterprise', 'agency'];

type Checked<T> = { readonly value: T } | { readonly issue: InputIssue };

export const yearParam = (s: string | undefined): Checked<number> =>
  s !== undefined && /^\d{4}$/.test(s)
    ? { value: Number(s) }
    : { issue: { path: FIELD.year, message: '须为四位数字的年度，如 2025' } };

/** An optional filter: absent or empty means "all". */
export const leagueParam = (s: string | undefined): Checked<string | undefined> =>
  s === undefined || s === ''
    ? { value: undefined }
    : isJurisdictionCode(s)
      ? { value: s }
      : { issue: { path: FIELD.league, message: '不是内蒙古自治区的盟市代码' } };

export const gradeParam = (s: string | undefined): Checked<Grade | undefined> =>
  s === undefined || s === ''
    ? { value: undefined }
    : (GRADES as readonly string[]).includes(s)
      ? { value: s as Grade }
      : { issue: { path: FIELD.grade, message: '须为 A、B、C、D 之一' } };

export const cursorParam = (s: string | undefined): Checked<string | undefined> =>
  s === undefined || s === ''
    ? { value: undefined }
    : s.length <= 1024 && /^[A-Za-z0-9_-]+$/.test(s)
      ? { value: s }
      : { issue: BAD_CURSOR };

export const BAD_CURSOR: InputIssue = { path: FIELD.cursor, message: '分页位置无效，请回到第一页重新查看' };

/** The issues of several checked parameters, or their values. */
export const issuesOf = (...checked: readonly Checked<unknown>[]): InputIssue[] =>
  checked.flatMap((c) => ('issue' in c ? [c.issue] : []));
export const checkedValue = <T>(c: Checked<T>): T => (c as { value: T }).value;
