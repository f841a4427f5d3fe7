import type { LeagueGradeCount, PublishedDirectory, PublishedKind } from '../../ports/publishedDirectory.ts';
import { PUBLISHED_KINDS } from './params.ts';

/**
 * The latest published results at a glance (the home page): per kind, its latest published year
 * and the grade counts of that year per league. Counting reads a year's whole list (docs/storage.md
 * #24), and published results change only when a year is published or a result re-issued, so the
 * counts are kept for a few minutes in the function's memory.
 */
export interface KindOverview {
  readonly kind: PublishedKind;
  readonly year: number;
  readonly leagues: readonly LeagueGradeCount[];
}

export const OVERVIEW_KEPT_MS = 5 * 60_000;

export class PublishedOverview {
  private kept: { readonly until: number; readonly value: KindOverview[] } | null = null;

  constructor(private readonly directory: PublishedDirectory) {}

  /** `now`: the request's instant (the runtime's clock). */
  async execute(now: Date): Promise<KindOverview[]> {
    if (this.kept && now.getTime() < this.kept.until) return this.kept.value;
    const value = (
      await Promise.all(
        PUBLISHED_KINDS.map(async (kind): Promise<KindOverview | null> => {
          const [year] = await this.directory.publishedYears(kind);
          return year === undefined ? null : { kind, year, leagues: await this.directory.gradeCounts(kind, year) };
        }),
      )
    ).filter((k): k is KindOverview => k !== null);
    this.kept = { until: now.getTime() + OVERVIEW_KEPT_MS, value };
    return value;
  }
}
