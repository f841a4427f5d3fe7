import type { Tenths } from '../points.ts';

/**
 * Art 16(2): "同一法人主体不同厂址的最终分值以生产总值占比加权评价" — the legal entity's score is the
 * output-share-weighted score of its sites.
 * I9: shares are normalised to sum to 1; if any share is missing, all sites weigh equally and the
 * result says so. Shares are taken as exact millionths so the weighting is integer arithmetic.
 */
export const SHARE_SCALE = 1_000_000;

export interface WeightedSite {
  readonly siteId: string;
  readonly outputShare: number | null | undefined;
  readonly score: Tenths;
}

export interface Weighting {
  readonly score: Tenths;
  /** The weight each site was given, in the order of the input (normalised, for display). */
  readonly weights: readonly number[];
  readonly notes: readonly string[];
}

/**
 * I2/I9: the weighted value is rounded down to a tenth, so the one-decimal score shown never
 * crosses a grade boundary upwards (94.96 is shown 94.9 and graded B, never 95.0 and B).
 */
export const roundWeightedDown = (numerator: number, denominator: number): number => {
  let q = Math.floor(numerator / denominator);
  while (q * denominator > numerator) q--;
  while ((q + 1) * denominator <= numerator) q++;
  return q;
};

export const weightSites = (sites: readonly WeightedSite[]): Weighting => {
  if (sites.length === 0) throw new RangeError('an enterprise is weighted over at least one site');
  if (sites.length === 1) return { score: sites[0]!.score, weights: [1], notes: [] };
  const notes: string[] = [];
  const missing = sites.filter((s) => s.outputShare == null).map((s) => s.siteId);
  let units = sites.map((s) => Math.round((s.outputShare ?? 0) * SHARE_SCALE));
  let total = units.reduce((a, b) => a + b, 0);
  if (missing.length > 0) {
    notes.push(`I9: output shares missing (${missing.join(', ')}); sites weigh equally`);
    units = sites.map(() => 1);
    total = sites.length;
  } else if (total === 0) {
    notes.push('I9: output shares sum to 0; sites weigh equally');
    units = sites.map(() => 1);
    total = sites.length;
  } else if (total !== SHARE_SCALE) {
    notes.push(`I9: output shares sum to ${total / SHARE_SCALE}; normalised to 1`);
  }
  const numerator = sites.reduce((acc, s, i) => acc + (s.score as number) * units[i]!, 0);
  return {
    score: roundWeightedDown(numerator, total) as Tenths,
    weights: units.map((u) => u / total),
    notes,
  };
};
