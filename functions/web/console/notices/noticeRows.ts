import { isLeagueCode, LEAGUE_CODES, type LeagueCode } from '../../../../domain/identifiers/leagues.ts';
import { NOTICE_KIND_NAMES } from '../../../../domain/notices/notice.ts';
import { isBureauAddressee } from '../../../../domain/notices/practitionerResults.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
import type { IssuedNotice } from '../../../ports/notices.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, chineseDateTime } from '../../ui/format.ts';

/**
 * Whose notices the console lists: a league officer's own league's; the region chooses a league
 * (`?league=`, the first league by default).
 */
export const noticesLeagueOf = (ctx: PageContext<unknown>): LeagueCode | null => {
  const claims = ctx.session?.claims;
  if (!claims) return null;
  if (claims.role === 'league') return claims.league && isLeagueCode(claims.league) ? claims.league : null;
  const asked = ctx.req.query.league ?? '';
  return isLeagueCode(asked) ? asked : (LEAGUE_CODES[0] ?? null);
};

/** One notice as the list and its workbook show it. */
export const NOTICE_COLUMNS: readonly { readonly header: string; readonly value: (n: IssuedNotice) => string }[] = [
  { header: '类别', value: (n) => NOTICE_KIND_NAMES[n.kind] },
  { header: '标题', value: (n) => n.title },
  { header: '参评单位', value: (n) => n.toName },
  // Art 18(6): a practitioner's resident identity number is masked in lists; a bureau has no code.
  {
    header: '统一社会信用代码',
    value: (n) => (isBureauAddressee(n.to) ? '—' : n.to.kind === 'practitioner' ? maskResidentId(n.to.id) : n.to.id),
  },
  { header: '发出时间', value: (n) => chineseDateTime(n.issuedAt) },
  { header: '期限', value: (n) => (n.deadline ? chineseDate(n.deadline) : '—') },
  { header: '阅读情况', value: (n) => (n.readAt ? '已读' : '未读') },
  { header: '阅读时间', value: (n) => (n.readAt ? chineseDateTime(n.readAt) : '—') },
];
