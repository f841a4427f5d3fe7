import type { Tenths } from '../points.ts';
import { listZh, type Note, type NoteDetail, note } from './notes.ts';

/**
 * Art 16(2): "同一法人主体不同厂址的最终分值以生产总值占比加权评价" — the legal entity's score is the
 * output-share-weighted score of its sites.
 * I9: shares are normalised to sum to 1; if any share is missing, all sites weigh equally and the
 * result says so. Shares are taken as exact millionths so the weighting is integer arithmetic.
 */
const SHARE_SCALE = 1_000_000;

interface WeightedSite {
  readonly siteId: string;
  readonly outputShare: number | null | undefined;
  readonly score: Tenths;
}

interface Weighting {
  readonly score: Tenths;
  /** The weight each site was given, in the order of the input (normalised, for display). */
  readonly weights: readonly number[];
  readonly notes: readonly string[];
  /** The same notes as Chinese sentences (I9). */
  readonly noteDetails: readonly NoteDetail[];
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
  if (sites.length === 1) return { score: sites[0]!.score, weights: [1], notes: [], noteDetails: [] };
  const notes: Note[] = [];
  const missing = sites.filter((s) => s.outputShare == null).map((s) => s.siteId);
  let units = sites.map((s) => Math.round((s.outputShare ?? 0) * SHARE_SCALE));
  let total = units.reduce((a, b) => a + b, 0);
  if (missing.length > 0) {
    notes.push(
      note(
        'I9',
        `I9: output shares missing (${missing.join(', ')}); sites weigh equally`,
        `厂址${listZh(missing)}缺少生产总值占比，各厂址按相同权重计算`,
      ),
    );
    units = sites.map(() => 1);
    total = sites.length;
  } else if (total === 0) {
    notes.push(
      note('I9', 'I9: output shares sum to 0; sites weigh equally', '各厂址生产总值占比之和为0，各厂址按相同权重计算'),
    );
    units = sites.map(() => 1);
    total = sites.length;
  } else if (total !== SHARE_SCALE) {
    notes.push(
      note(
        'I9',
        `I9: output shares sum to ${total / SHARE_SCALE}; normalised to 1`,
        `各厂址生产总值占比之和为${total / SHARE_SCALE}，已按比例折算为合计1`,
      ),
    );
  }
  const numerator = sites.reduce((acc, s, i) => acc + (s.score as number) * units[i]!, 0);
  return {
    score: roundWeightedDown(numerator, total) as Tenths,
    weights: units.map((u) => u / total),
    notes: notes.map((n) => n.line),
    noteDetails: notes.map((n) => n.detail),
  };
};
