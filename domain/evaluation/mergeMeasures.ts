import { isEnforcementMeasure } from '../catalogue/catalogue.ts';
import type { ClassifiedRecord } from './recordState.ts';

/**
 * I16 (Annex 1 note "不同的环境违法违规行为，采取按次扣分"): one penalty decision often imposes several
 * measures. Counted ENF_* records of one subject with the same case number are one act: the largest
 * deduction counts, the others are shown as merged. ENF_COURT_ENFORCEMENT punishes not performing the
 * decision, a separate act, so it never merges. Ties go to the smaller eventId, so the outcome does
 * not depend on the order records arrive in.
 *
 * The merge applies within one scope of scoring. An enterprise's sites are evaluated separately
 * (Art 16(1)), so it is applied per site, where a record without a site takes part at every site
 * (see evaluateEnterprise); merging across sites of different weights could make a revocation
 * lower the weighted score.
 */
const MERGE_EXEMPT_RULES: ReadonlySet<string> = new Set(['ENF_COURT_ENFORCEMENT']);

export const isMergeable = (c: ClassifiedRecord): boolean =>
  c.state === 'counted' &&
  c.record.caseNo !== null &&
  isEnforcementMeasure(c.rule) &&
  !MERGE_EXEMPT_RULES.has(c.rule.code);

/** Within one scope: eventId of each record that loses the merge → eventId of the one that counts. */
export const mergeLosers = (scope: readonly ClassifiedRecord[]): Map<string, string> => {
  const losers = new Map<string, string>();
  let winners: Map<string, ClassifiedRecord> | undefined;
  for (const c of scope) {
    if (!isMergeable(c)) continue;
    winners ??= new Map();
    const caseNo = c.record.caseNo!;
    const best = winners.get(caseNo);
    if (!best || c.points < best.points || (c.points === best.points && c.record.eventId < best.record.eventId))
      winners.set(caseNo, c);
  }
  if (!winners) return losers;
  for (const c of scope) {
    if (!isMergeable(c)) continue;
    const winner = winners.get(c.record.caseNo!)!;
    if (winner !== c) losers.set(c.record.eventId, winner.record.eventId);
  }
  return losers;
};

/** Marks the losers of one scope as merged. */
export const mergeMeasuresOfOneCase = (records: readonly ClassifiedRecord[]): ClassifiedRecord[] => {
  const losers = mergeLosers(records);
  if (losers.size === 0) return records as ClassifiedRecord[];
  return records.map((c) => {
    const winner = losers.get(c.record.eventId);
    return winner === undefined ? c : { ...c, state: 'merged', mergedInto: winner };
  });
};
