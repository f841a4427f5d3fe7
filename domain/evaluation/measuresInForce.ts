import { addDays, addYears, type LegalDate, minDate } from '../dates.ts';
import type { Grade } from './grade.ts';
import { type Measure, measuresForGrade } from './measures.ts';

/**
 * Which measures of Art 19 and 29–31 are in force for an enterprise or agency on a date, and until
 * when — so that a procurement officer can ask "may this agency be hired?" (Art 31(2)) and a fund
 * manager "may it get this incentive?" (Art 29(1), 31(1)). Practitioners are never answered here
 * (Art 18(6), 35: their results are not public).
 *
 * The rule implemented (docs/using-results.md):
 * - The measures follow the latest published result known on the date (the governing result): a
 *   year's result reflects that year (Art 19), and each year's publication replaces the last as the
 *   basis of the measures. A published result re-issued after a repair (Art 23 ¶2) replaces the
 *   original, so its measures are the repaired grade's.
 * - Incentives (Art 29) apply "评价结果公布1年内": from the publication date through the day before
 *   its first anniversary, or through the day before a later year's result is published if sooner.
 * - Restrictions (Art 30, 31) and the blacklist (Art 19) apply "信用修复完成前": from the publication
 *   date until a repair re-issues the result with a better grade, or a later year's result is
 *   published — open-ended until then (no date).
 * - Which measures a result carries is the evaluation's own (`measures` of the published result:
 *   grade, Art 31(2) for agencies only, Art 32's late filing withholding incentives), so the answer
 *   always agrees with `ecocredit evaluate`.
 */
export type MeasuresKind = 'enterprise' | 'agency';

/** One published year of the subject, as its history shows it. */
export interface PublishedOn {
  readonly year: number;
  readonly publishedOn: LegalDate;
}

/** The governing published result: its year, date, grade and the measures the evaluation gave it. */
export interface GoverningResult extends PublishedOn {
  readonly grade: Grade | null;
  readonly blacklisted: boolean;
  readonly measures: readonly Pick<Measure, 'article'>[];
}

export interface MeasureInForce extends Measure {
  /** Whether the measure applies on the date asked. */
  readonly applies: boolean;
  /** From when it applies (the governing result's publication date); null when it does not apply. */
  readonly since: LegalDate | null;
  /** The last day it applies; null when it does not apply or lasts until a repair or a later result. */
  readonly until: LegalDate | null;
  /** `date`: ends on `until`; `repair`: until a repair or a later year's result; null when it does not apply. */
  readonly ends: 'date' | 'repair' | null;
}

export interface MeasuresAnswer {
  readonly asOf: LegalDate;
  /** The governing result's year and publication date; null when nothing is published by the date. */
  readonly year: number | null;
  readonly publishedOn: LegalDate | null;
  readonly grade: Grade | null;
  readonly blacklisted: boolean;
  /** Every measure the regulation names for the kind, each with whether it applies. */
  readonly measures: readonly MeasureInForce[];
  /**
   * Art 31(2) "各级政府或者有关部门不得采购其环境服务": may governments buy the agency's environmental
   * services? null for an enterprise (the article names agencies' services only).
   */
  readonly procurementAllowed: boolean | null;
}

/** Art 29: incentives last one year from the publication ("评价结果公布1年内"). */
const INCENTIVE_YEARS = 1;
const PROCUREMENT_ARTICLE = 'Art 31(2)';

/** Every measure of Art 19 and 29–31 for the kind, in the regulation's order, each once. */
export const measureCatalogue = (kind: MeasuresKind): Measure[] => {
  const byArticle = new Map<string, Measure>();
  for (const m of [...measuresForGrade(kind, 'A', false, false), ...measuresForGrade(kind, 'D', true, false)])
    if (!byArticle.has(m.article)) byArticle.set(m.article, m);
  return [...byArticle.values()];
};

/** The year whose published result governs on `asOf`: the latest year published on or before it. */
export const governingYear = (history: readonly PublishedOn[], asOf: LegalDate): number | null => {
  let year: number | null = null;
  for (const h of history) if (h.publishedOn <= asOf && (year === null || h.year > year)) year = h.year;
  return year;
};

/** When a later year's result replaces the governing one (its publication), if known. */
const supersededOn = (history: readonly PublishedOn[], year: number): LegalDate | null => {
  let on: LegalDate | null = null;
  for (const h of history) if (h.year > year && (on === null || h.publishedOn < on)) on = h.publishedOn;
  return on;
};

export const measuresInForce = (
  kind: MeasuresKind,
  governing: GoverningResult | null,
  history: readonly PublishedOn[],
  asOf: LegalDate,
): MeasuresAnswer => {
  const catalogue = measureCatalogue(kind);
  const none = (m: Measure): MeasureInForce => ({ ...m, applies: false, since: null, until: null, ends: null });
  if (governing === null || governing.publishedOn > asOf) {
    const measures = catalogue.map(none);
    return {
      asOf,
      year: null,
      publishedOn: null,
      grade: null,
      blacklisted: false,
      measures,
      procurementAllowed: kind === 'agency' ? true : null,
    };
  }
  const carried = new Set(governing.measures.map((m) => m.article));
  const replaced = supersededOn(history, governing.year);
  const lastDayBefore = replaced === null ? null : addDays(replaced, -1);
  const measures = catalogue.map((m): MeasureInForce => {
    if (!carried.has(m.article)) return none(m);
    if (m.type === 'incentive') {
      const yearEnd = addDays(addYears(governing.publishedOn, INCENTIVE_YEARS), -1);
      const until = lastDayBefore === null ? yearEnd : minDate(yearEnd, lastDayBefore);
      return asOf <= until
        ? { ...m, applies: true, since: governing.publishedOn, until, ends: 'date' }
        : { ...m, applies: false, since: governing.publishedOn, until, ends: 'date' };
    }
    // Restrictions last until a repair re-issues the result (Art 23 ¶2, 30 "信用修复完成前") or a later result replaces it.
    return lastDayBefore !== null && asOf > lastDayBefore
      ? none(m)
      : {
          ...m,
          applies: true,
          since: governing.publishedOn,
          until: lastDayBefore,
          ends: lastDayBefore ? 'date' : 'repair',
        };
  });
  const procurement = measures.find((m) => m.article === PROCUREMENT_ARTICLE);
  return {
    asOf,
    year: governing.year,
    publishedOn: governing.publishedOn,
    grade: governing.grade,
    blacklisted: governing.blacklisted,
    measures,
    procurementAllowed: kind === 'agency' ? !(procurement?.applies ?? false) : null,
  };
};
