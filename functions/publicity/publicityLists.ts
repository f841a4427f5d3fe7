import type { Grade } from '../../domain/evaluation/grade.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { isPubliclyListed } from '../../domain/publicity/comment.ts';
import { hasPublicity, isWindowOpen, type PublicityWindow, publicityWindowOf } from '../../domain/publicity/window.ts';
import type { ReportEntry } from '../../domain/reports/reportEntry.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { LeagueReportStore } from '../ports/leagueReports.ts';
import type { Clock } from '../shared/clock.ts';
import { type Invalid, invalid, type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';

/** One line of a publicity list: a proposed result as its league reported it (上报名单). */
export interface PublicityEntry {
  readonly league: LeagueCode;
  readonly code: string;
  readonly name: string;
  readonly kind: 'enterprise' | 'agency';
  /** Exact integer tenths (I2). */
  readonly score: number | null;
  readonly grade: Grade | null;
  /** Art 19: 拟列入黑名单. */
  readonly blacklistProposed: boolean;
}

export interface PublicityStatus extends PublicityWindow {
  /** Comments are received until 23:59:59 of the closing day (I12). */
  readonly open: boolean;
}

export interface PublicityPage {
  readonly publicity: PublicityStatus;
  readonly query: string;
  readonly entries: readonly PublicityEntry[];
  readonly total: number;
  /** The cursor of the next page; null on the last. */
  readonly next: string | null;
}

export const PUBLICITY_PAGE_SIZE = 50;
const QUERY_MAX = 60;

/**
 * The publicity lists (Art 16(3), 17(4)): for each enterprise or agency cycle whose publicity was
 * opened, every league's latest sent report, without practitioners (Art 18(6)) and suspended subjects
 * (I15). Before `publicityOpened` a list does not exist for the public.
 */
export class PublicityLists {
  constructor(
    private readonly cycles: Pick<CycleStore, 'getCycle' | 'listCycles'>,
    private readonly reports: Pick<LeagueReportStore, 'versions' | 'entries'>,
    private readonly clock: Clock,
  ) {}

  /** Every publicity opened so far, newest first, each marked open or closed. */
  async overview(): Promise<PublicityStatus[]> {
    const now = this.clock.now().toISOString();
    return (await this.cycles.listCycles())
      .map((c) => publicityWindowOf(c))
      .filter((w): w is PublicityWindow => w !== null)
      .map((w) => ({ ...w, open: isWindowOpen(w, now) }))
      .sort((a, b) => b.opensOn.localeCompare(a.opensOn) || a.kind.localeCompare(b.kind));
  }

  /** The publicity of a year and kind as the public sees it; null when none was opened. */
  async status(year: string | number, kind: string): Promise<PublicityStatus | null> {
    const y = Number(year);
    if (!/^\d{4}$/.test(String(year)) || !hasPublicity(kind)) return null;
    const cycle = await this.cycles.getCycle(y, kind);
    const w = cycle ? publicityWindowOf(cycle) : null;
    return w ? { ...w, open: isWindowOpen(w, this.clock.now().toISOString()) } : null;
  }

  /** Every listed entry of the publicity, by league then code. */
  async entries(publicity: PublicityWindow): Promise<PublicityEntry[]> {
    const cycle = await this.cycles.getCycle(publicity.year, publicity.kind);
    const leagues = Object.keys(cycle?.leagues ?? {}).sort() as LeagueCode[];
    const perLeague = await Promise.all(
      leagues.map(async (league) => {
        const ref = { year: publicity.year, kind: publicity.kind, league };
        const sent = (await this.reports.versions(ref)).filter((v) => v.status === 'sent').at(-1);
        if (!sent) return [];
        const entries = await this.reports.entries(ref, sent.version);
        return entries
          .filter(isPubliclyListed)
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((e) => publicEntry(league, e));
      }),
    );
    return perLeague.flat();
  }

  /** `/publicity/{year}/{kind}?q=&cursor=`: one page of a list, searched by name or code. */
  async page(asked: {
    readonly year: string;
    readonly kind: string;
    readonly q?: string | undefined;
    readonly cursor?: string | undefined;
  }): Promise<Outcome<PublicityPage, NotFound | Invalid>> {
    const publicity = await this.status(asked.year, asked.kind);
    if (!publicity) return notFound;
    const query = (asked.q ?? '').trim();
    if ([...query].length > QUERY_MAX) return invalid([{ path: 'q', message: `查询内容不能超过${QUERY_MAX}个字` }]);
    const cursor = asked.cursor ?? '';
    if (cursor !== '' && !/^\d{1,6}$/.test(cursor)) return invalid([{ path: 'cursor', message: '分页参数有误' }]);
    const from = cursor === '' ? 0 : Number(cursor);
    const all = (await this.entries(publicity)).filter((e) => matches(e, query));
    const entries = all.slice(from, from + PUBLICITY_PAGE_SIZE);
    const nextAt = from + PUBLICITY_PAGE_SIZE;
    return ok({ publicity, query, entries, total: all.length, next: nextAt < all.length ? String(nextAt) : null });
  }

  /** One entry of an opened publicity (the comment form's subject); null when not listed. */
  async entry(
    year: string,
    kind: string,
    code: string,
  ): Promise<{ readonly publicity: PublicityStatus; readonly entry: PublicityEntry } | null> {
    const publicity = await this.status(year, kind);
    if (!publicity) return null;
    const entry = (await this.entries(publicity)).find((e) => e.code === code);
    return entry ? { publicity, entry } : null;
  }
}

const publicEntry = (league: LeagueCode, e: ReportEntry): PublicityEntry => ({
  league,
  code: e.code,
  name: e.name,
  kind: e.kind as 'enterprise' | 'agency',
  score: e.score,
  grade: e.grade,
  blacklistProposed: e.blacklistProposed,
});

const matches = (e: PublicityEntry, query: string): boolean =>
  query === '' || e.name.includes(query) || e.code.toUpperCase().startsWith(query.toUpperCase());
