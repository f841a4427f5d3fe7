import type { Grade } from '../../domain/evaluation/grade.ts';
import type { PublishedDirectory, PublishedKind } from '../ports/publishedDirectory.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * Statistics of the published results (Art 8: the region oversees the leagues' evaluation): the
 * grade distribution per kind, year and league over every published year. The region sees every
 * league; a league bureau its own.
 */
export interface StatisticsRow {
  readonly kind: PublishedKind;
  readonly year: number;
  readonly league: string;
  readonly counts: Readonly<Record<Grade, number>>;
}

export interface StatisticsValue {
  /** Only this league's rows (a league bureau), or null: every league. */
  readonly league: string | null;
  /** Earliest year first, then kind, then league. */
  readonly rows: readonly StatisticsRow[];
}

const KINDS: readonly PublishedKind[] = ['enterprise', 'agency'];

export class ResultStatistics {
  constructor(private readonly directory: Pick<PublishedDirectory, 'publishedYears' | 'gradeCounts'>) {}

  async execute(caller: Caller): Promise<Outcome<StatisticsValue, Unauthorized | Forbidden>> {
    const league = caller.type === 'staff' && caller.claims.role === 'league' ? (caller.claims.league ?? null) : null;
    const allowed = authorize(caller, 'results.plan', { league });
    if (!allowed.ok) return allowed.refusal;
    const perKind = await Promise.all(
      KINDS.map(async (kind) => {
        const years = await this.directory.publishedYears(kind);
        const counted = await Promise.all(
          years.map(async (year) => ({ year, leagues: await this.directory.gradeCounts(kind, year) })),
        );
        return counted.flatMap(({ year, leagues }) =>
          leagues
            .filter((l) => league === null || l.league === league)
            .map((l) => ({ kind, year, league: l.league, counts: l.counts })),
        );
      }),
    );
    const rows = perKind
      .flat()
      .sort(
        (a, b) =>
          a.year - b.year ||
          KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
          (a.league < b.league ? -1 : a.league > b.league ? 1 : 0),
      );
    return ok({ league, rows });
  }
}
