import { isLeagueCode } from '../../../../domain/identifiers/leagues.ts';
import { CATEGORY_NAMES, EMPLOYER_KIND_NAMES } from '../../../../domain/participants/importList.ts';
import {
  PARTICIPANT_KIND_NAMES,
  PARTICIPANT_KINDS,
  type ParticipantEntry,
  type ParticipantKind,
  shareText,
} from '../../../../domain/participants/participant.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
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
    issues.push({
      path: '类型',
      message: '须为企事业单位（enterprise）、第三方服务机构（agency）或相关从业人员（practitioner）',
    });
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
  `${l.year}年度${PARTICIPANT_KIND_NAMES[l.kind]}参评名单（${leagueText}）`;

/** What an entry's sites, categories or employer say, in one cell. */
export const detailText = (e: ParticipantEntry): string =>
  e.kind === 'enterprise'
    ? e.sites.map((s) => `${s.siteId}:${shareText(s.shareBp)}`).join('；')
    : e.kind === 'agency'
      ? e.categories.map((c) => CATEGORY_NAMES[c]).join('；')
      : (e.employer?.code ?? '');

/** A practitioner's employer kind as the template writes it. */
export const employerKindText = (e: ParticipantEntry): string =>
  e.employer ? EMPLOYER_KIND_NAMES[e.employer.kind] : '';

/**
 * Art 18(6): a practitioner's resident identity number is shown whole only to the bureau of its
 * league (and, in the portal, its employer); the region's staff see it masked. Units' codes are public.
 */
export const codeShown = (ctx: PageContext<unknown>, e: Pick<ParticipantEntry, 'kind' | 'code' | 'league'>): string =>
  e.kind !== 'practitioner' || (ctx.session?.claims.role === 'league' && ctx.session.claims.league === e.league)
    ? e.code
    : maskResidentId(e.code);
