import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import { isResultBlacklisted, type PublishedGrade } from '../../domain/evaluation/blacklist.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import { isSampledKind, samplingMultiplierTenths } from '../../domain/evaluation/sampling.ts';
import {
  type SamplingClass,
  sampleSize,
  samplingClassOf,
  samplingRatioPermille,
} from '../../domain/evaluation/samplingList.ts';
import type { PublishedDirectory, PublishedKind } from '../ports/publishedDirectory.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type Invalid, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { parseWith } from '../shared/http.ts';
import { authorize } from '../shared/policy.ts';
import { DEFAULT_BASE_RATIO_PERMILLE, samplingQuery } from './contracts.ts';
import { allPublished } from './publishedEntries.ts';

/**
 * The 双随机 sampling list of a year's published results (Art 28; I14, I17): per league, every
 * enterprise and agency with its grade, whether it is blacklisted (Art 19, I10) and the ratio it is
 * inspected at, from the base ratio the planner sets; and per class how many to draw. A league
 * bureau plans in its own league, the region in any or all (Art 8). Practitioners are never sampled
 * (I17) and never published.
 */
export interface SamplingAsked {
  readonly year?: string | undefined;
  readonly league?: string | undefined;
  readonly basePermille?: string | undefined;
}

export interface SamplingRow {
  readonly kind: PublishedKind;
  readonly id: string;
  readonly name: string;
  readonly league: string;
  readonly score: number | null;
  readonly grade: Grade | null;
  readonly blacklisted: boolean;
  readonly samplingClass: SamplingClass;
  /** Art 28's multiple of the base ratio (0.3 … 2.0); null without a grade. */
  readonly multiplier: number | null;
  readonly ratioPermille: number;
  readonly publishedOn: LegalDate;
}

export interface SamplingClassCount {
  readonly kind: PublishedKind;
  readonly samplingClass: SamplingClass;
  readonly population: number;
  readonly ratioPermille: number;
  readonly sampleSize: number;
}

export interface SamplingListValue {
  /** The year of published results the list is drawn from; null when nothing is published yet. */
  readonly year: number | null;
  /** The league asked; null: the whole region. */
  readonly league: string | null;
  readonly basePermille: number;
  readonly asOf: LegalDate;
  /** The years with published results, latest first (for choosing another). */
  readonly years: readonly number[];
  readonly rows: readonly SamplingRow[];
  readonly counts: readonly SamplingClassCount[];
}

/** I17: the published kinds (Art 20) that get Art 28 ratios: enterprises and agencies. */
const SAMPLED_KINDS: readonly PublishedKind[] = (['enterprise', 'agency'] as const).filter(isSampledKind);
const CLASS_ORDER: readonly SamplingClass[] = ['blacklisted', 'D', 'C', 'B', 'A', 'ungraded'];

export class SamplingList {
  constructor(
    private readonly directory: Pick<PublishedDirectory, 'publishedYears' | 'listPublished'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    asked: SamplingAsked,
  ): Promise<Outcome<SamplingListValue, Unauthorized | Forbidden | Invalid>> {
    const q = parseWith(samplingQuery, {
      ...(asked.league ? { league: asked.league } : {}),
      ...(asked.basePermille ? { basePermille: asked.basePermille } : {}),
    });
    const year =
      asked.year === undefined || asked.year === '' ? null : /^\d{4}$/.test(asked.year) ? Number(asked.year) : NaN;
    if (Number.isNaN(year)) return { status: 'invalid', issues: [{ path: 'year', message: '评价年度须为四位数字' }] };
    const own = caller.type === 'staff' && caller.claims.role === 'league' ? (caller.claims.league ?? null) : null;
    const league = q.status === 'ok' ? (q.value.league ?? own) : (own ?? null);
    const allowed = authorize(caller, 'results.plan', { league });
    if (!allowed.ok) return allowed.refusal;
    if (q.status !== 'ok') return q;
    const basePermille =
      q.value.basePermille === undefined ? DEFAULT_BASE_RATIO_PERMILLE : Number(q.value.basePermille);
    const asOf = legalDateOfInstant(this.clock.now());
    const years = [
      ...new Set((await Promise.all(SAMPLED_KINDS.map((k) => this.directory.publishedYears(k)))).flat()),
    ].sort((a, b) => b - a);
    const chosen = year ?? years[0] ?? null;
    const value = { year: chosen, league, basePermille, asOf, years };
    if (chosen === null) return ok({ ...value, rows: [], counts: [] });
    const rows = (
      await Promise.all(SAMPLED_KINDS.map((k) => this.rowsOf(k, chosen, league, basePermille, asOf)))
    ).flat();
    return ok({ ...value, rows, counts: countsOf(rows, basePermille) });
  }

  private async rowsOf(
    kind: PublishedKind,
    year: number,
    league: string | null,
    basePermille: number,
    asOf: LegalDate,
  ): Promise<SamplingRow[]> {
    const [entries, d1, d2] = await Promise.all([
      allPublished(this.directory, { kind, year, ...(league === null ? {} : { league }) }),
      // I10: the two years before, D only (the only grades that make a run), read by grade alone.
      allPublished(this.directory, { kind, year: year - 1, grade: 'D' }),
      allPublished(this.directory, { kind, year: year - 2, grade: 'D' }),
    ]);
    const earlierD = new Map<string, PublishedGrade[]>();
    for (const e of [...d1, ...d2])
      earlierD.set(e.id, [...(earlierD.get(e.id) ?? []), { year: e.year, grade: 'D', publishedOn: e.publishedOn }]);
    return entries.map((e) => {
      const blacklisted = isResultBlacklisted(e.grade, earlierD.get(e.id) ?? [], year, asOf);
      return {
        kind,
        id: e.id,
        name: e.name,
        league: e.league,
        score: e.score,
        grade: e.grade,
        blacklisted,
        samplingClass: samplingClassOf(e.grade, blacklisted),
        multiplier: e.grade === null ? null : samplingMultiplierTenths(e.grade, blacklisted) / 10,
        ratioPermille: samplingRatioPermille(basePermille, e.grade, blacklisted),
        publishedOn: e.publishedOn,
      };
    });
  }
}

/** Per kind and class: the population, its ratio and how many to draw (Art 28). */
const countsOf = (rows: readonly SamplingRow[], basePermille: number): SamplingClassCount[] =>
  SAMPLED_KINDS.flatMap((kind) =>
    CLASS_ORDER.flatMap((samplingClass) => {
      const population = rows.filter((r) => r.kind === kind && r.samplingClass === samplingClass).length;
      if (population === 0) return [];
      const ratioPermille = samplingRatioPermille(
        basePermille,
        samplingClass === 'ungraded' ? null : samplingClass === 'blacklisted' ? 'D' : samplingClass,
        samplingClass === 'blacklisted',
      );
      return [{ kind, samplingClass, population, ratioPermille, sampleSize: sampleSize(population, ratioPermille) }];
    }),
  );
