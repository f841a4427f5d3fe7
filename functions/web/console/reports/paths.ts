import { SUBJECT_KINDS } from '../../../../domain/catalogue/kinds.ts';
import type { CycleKind } from '../../../../domain/cycles/definitions.ts';
import { isLeagueCode } from '../../../../domain/identifiers/leagues.ts';
import type { ReportRef } from '../../../ports/leagueReports.ts';

/** `/console/reports/{year}/{kind}`: the region's overview of a cycle's league reports. */
export const overviewPath = (year: number, kind: string) => `/console/reports/${year}/${kind}`;
/** `/console/reports/{year}/{kind}/{league}`: a league's report. */
export const reportPath = (r: { year: number; kind: string; league: string }) =>
  `${overviewPath(r.year, r.kind)}/${r.league}`;

/** The cycle of a path's `{year}` and `{kind}`, or null when they are not one. */
export const cycleOfParams = (
  p: Readonly<Record<string, string | undefined>>,
): { year: number; kind: CycleKind } | null => {
  const year = Number(p.year);
  if (!/^\d{4}$/.test(p.year ?? '') || !(SUBJECT_KINDS as readonly string[]).includes(p.kind ?? '')) return null;
  return { year, kind: p.kind as CycleKind };
};

export const reportRefOf = (p: Readonly<Record<string, string | undefined>>): ReportRef | null => {
  const c = cycleOfParams(p);
  return c && isLeagueCode(p.league ?? '') ? { ...c, league: p.league as ReportRef['league'] } : null;
};
