import { isLeagueCode } from '../../../../domain/identifiers/leagues.ts';
import { CATEGORY_NAMES } from '../../../../domain/participants/importList.ts';
import {
  PARTICIPANT_KINDS,
  type ParticipantEntry,
  type ParticipantKind,
  shareText,
} from '../../../../domain/participants/participant.ts';
import type { ParticipantListRef } from '../../../ports/participants.ts';
import type { Invalid } from '../../../shared/errors.ts';
import type { PageContext } from '../../router.ts';

/**
 * The list a page is about: `{year}/{kind}` from the path, the league from `?league=` (a league
 * bureau's own league when absent). Whether the caller may see it is the use case's question.
 */
export const listRefOf = (ctx: PageContext<unknown>): { ok: true; list: ParticipantListRef } | Invalid => {
  const { year, kind } = ctx.params;
  const league = ctx.req.query.league || (ctx.session?.claims.role === 'league' ? ctx.session.claims.league : '') || '';
  const issues = [];
  if (!/^20\d\d$/.test(year ?? '')) issues.push({ path: '年度', message: '须为四位年份' });
  if (!PARTICIPANT_KINDS.includes(kind as ParticipantKind))
    issues.push({ path: '类型', message: '须为企事业单位（enterprise）或第三方服务机构（agency）' });
  if (!isLeagueCode(league)) issues.push({ path: '盟市', message: '请选择盟市' });
  if (issues.length > 0) return { status: 'invalid', issues };
  return {
    ok: true,
    list: { year: Number(year), kind: kind as ParticipantKind, league: league as ParticipantListRef['league'] },
  };
};

/** `/console/participants/2026/agency?league=150600`: the list's page. */
export const listPath = (l: ParticipantListRef, extra: Record<string, string> = {}): string =>
  `/console/participants/${l.year}/${l.kind}?${new URLSearchParams({ league: l.league, ...extra }).toString()}`;

/** `/exports/console/participants/2026/agency/…`: the list's template and import, served with the workbook library. */
export const exportPath = (l: ParticipantListRef, what: 'template' | 'import'): string =>
  `/exports/console/participants/${l.year}/${l.kind}/${what}`;

export const listTitle = (l: ParticipantListRef, leagueText: string): string =>
  `${l.year}年度${l.kind === 'enterprise' ? '企事业单位' : '第三方服务机构'}参评名单（${leagueText}）`;

/** What an entry's sites or categories say, in one cell. */
export const detailText = (e: ParticipantEntry): string =>
  e.kind === 'enterprise'
    ? e.sites.map((s) => `${s.siteId}:${shareText(s.shareBp)}`).join('；')
    : e.categories.map((c) => CATEGORY_NAMES[c]).join('；');
