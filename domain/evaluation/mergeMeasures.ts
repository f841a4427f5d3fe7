import { isEnforcementMeasure } from '../catalogue/catalogue.ts';
import type { ClassifiedRecord } from './recordState.ts';

/**
 * I16 (Annex 1 note "不同的环境违法违规行为，采取按次扣分"): one penalty decision often imposes several
 * measures. Counted ENF_* records of one subject with the same case number are one act: the largest
 * deduction counts, the others are shown as merged. ENF_COURT_ENFORCEMENT punishes not performing the
 * decision, a separate act, so it never merges. Ties go to the smaller eventId, so the outcome does
 * not depend on the order records arrive in.
 */
export const MERGE_EXEMPT_RULES: ReadonlySet<string> = new Set(['ENF_COURT_ENFORCEMENT']);

const mergeable = (c: ClassifiedRecord): boolean =>
  c.state === 'counted' && c.record.caseNo != null && isEnforcementMeasure(c.rule) && !MERGE_EXEMPT_RULES.has(c.rule.code);

export const mergeMeasuresOfOneCase = (records: readonly ClassifiedRecord[]): ClassifiedRecord[] => {
  let winners: Map<string, ClassifiedRecord> | undefined;
  let candidates = 0;
  for (const c of records) {
    if (!mergeable(c)) continue;
    candidates++;
    winners ??= new Map();
    const caseNo = c.record.caseNo!;
    const best = winners.get(caseNo);
    if (!best || c.points < best.points || (c.points === best.points && c.record.eventId < best.record.eventId)) winners.set(caseNo, c);
  }
  if (!winners || candidates === winners.size) return records as ClassifiedRecord[];
  return records.map((c) => {
    if (!mergeable(c)) return c;
    const winner = winners.get(c.record.caseNo!)!;
    return winner === c ? c : { ...c, state: 'merged', mergedInto: winner.record.eventId };
  });
};
