import { isLeagueCode, LEAGUE_CODES, type LeagueCode } from '../../../../domain/identifiers/leagues.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
import type { IssuedNotice } from '../../../ports/notices.ts';
import type { PageContext } from '../../router.ts';
import { chineseDateTime } from '../../ui/format.ts';

/**
 * Whose letters of which year the console lists: a league officer's own league's, the region a
 * league it chooses (`?league=`); the year asked (`?year=`), else the year before the current one
 * (the results of year Y are notified by 30 May of Y+1, Art 18(6)).
 */
export const lettersQueryOf = (ctx: PageContext<unknown>): { league: LeagueCode; year: number } | null => {
  const claims = ctx.session?.claims;
  if (!claims) return null;
  const asked = ctx.req.query.league ?? '';
  const league =
    claims.role === 'league'
      ? claims.league && isLeagueCode(claims.league)
        ? claims.league
        : null
      : isLeagueCode(asked)
        ? asked
        : (LEAGUE_CODES[0] ?? null);
  if (league === null) return null;
  const y = Number(ctx.req.query.year);
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : ctx.now.getUTCFullYear() - 1;
  return { league, year };
};

/** One letter as the list and its workbook show it (Art 18(6): the number masked). */
export const LETTER_COLUMNS: readonly { readonly header: string; readonly value: (n: IssuedNotice) => string }[] = [
  { header: '姓名', value: (n) => n.toName },
  { header: '公民身份号码', value: (n) => maskResidentId(n.to.id) },
  { header: '标题', value: (n) => n.title },
  { header: '发出时间', value: (n) => chineseDateTime(n.issuedAt) },
  { header: '用人单位阅读情况', value: (n) => (n.readAt ? `已读（${chineseDateTime(n.readAt)}）` : '未读') },
];

/** The page of one letter (the number in the path is the practitioner's, never shown whole). */
export const letterHref = (n: IssuedNotice, league: LeagueCode): string =>
  `/console/letters/${n.year}/${encodeURIComponent(n.to.id)}?league=${league}`;
