import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import { blacklistEntry } from '../../domain/evaluation/blacklistEntry.ts';
import type { PublishedDirectory, PublishedEntry, PublishedKind } from '../ports/publishedDirectory.ts';
import type { Clock } from '../shared/clock.ts';
import { allPublished } from './publishedEntries.ts';

/**
 * The current blacklist (Art 19 "环境保护领域失信黑名单"; I10): every enterprise and agency whose
 * latest published grades are three or more consecutive D's, with when its listing started (the
 * publication of the third D) and why. Public: it is made of published results only (Art 20).
 * Read from the D lists of the published years (by grade alone), then each candidate's own history.
 */
export interface BlacklistRow {
  readonly kind: PublishedKind;
  readonly id: string;
  readonly name: string;
  readonly league: string;
  /** The D that made the listing and its publication date. */
  readonly year: number;
  readonly since: LegalDate | null;
  /** The consecutive D years, earliest first. */
  readonly years: readonly number[];
}

export interface BlacklistValue {
  readonly asOf: LegalDate;
  readonly rows: readonly BlacklistRow[];
}

const KINDS: readonly PublishedKind[] = ['enterprise', 'agency'];
const RUN = 3;

export class CurrentBlacklist {
  constructor(
    private readonly directory: Pick<PublishedDirectory, 'publishedYears' | 'listPublished' | 'publishedHistory'>,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<BlacklistValue> {
    const asOf = legalDateOfInstant(this.clock.now());
    const rows = (await Promise.all(KINDS.map((k) => this.rowsOf(k, asOf)))).flat();
    rows.sort((a, b) => (a.league === b.league ? (a.id < b.id ? -1 : 1) : a.league < b.league ? -1 : 1));
    return { asOf, rows };
  }

  private async rowsOf(kind: PublishedKind, asOf: LegalDate): Promise<BlacklistRow[]> {
    const years = await this.directory.publishedYears(kind);
    const dYears = new Map<string, { years: Set<number>; latest: PublishedEntry }>();
    for (const year of years)
      for (const e of await allPublished(this.directory, { kind, year, grade: 'D' })) {
        const seen = dYears.get(e.id);
        if (seen) {
          seen.years.add(year);
          if (year > seen.latest.year) seen.latest = e;
        } else dYears.set(e.id, { years: new Set([year]), latest: e });
      }
    // Candidates: three consecutive D years somewhere; each one's own history decides (a later non-D ends it).
    const candidates = [...dYears.values()].filter(({ years: ys }) =>
      [...ys].some((y) => Array.from({ length: RUN }, (_, i) => y - i).every((x) => ys.has(x))),
    );
    const rows: BlacklistRow[] = [];
    for (const { latest } of candidates) {
      const history = await this.directory.publishedHistory({ kind, id: latest.id });
      const entry = blacklistEntry(history, asOf);
      if (entry) rows.push({ kind, id: latest.id, name: latest.name, league: latest.league, ...entry });
    }
    return rows;
  }
}
