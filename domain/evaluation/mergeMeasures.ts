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

export const mergeMeasuresOfOneCase = (records: readonly ClassifiedRecord[]): ClassifiedRecord[] => {
  const winners = new Map<string, ClassifiedRecord>();
  const mergeable = (c: ClassifiedRecord): c is ClassifiedRecord & { record: { caseNo: string } } =>
    c.state === 'counted' && c.record.caseNo != null && isEnforcementMeasure(c.rule) && !MERGE_EXEMPT_RULES.has(c.rule.code);
  for (const c of records) {
    if (!mergeable(c)) continue;
    const best = winners.get(c.record.caseNo);
    if (!best || c.points < best.points || (c.points === best.points && c.record.eventId < best.record.eventId))
      winners.set(c.record.caseNo, c);
  }
  return records.map((c) => {
    if (!mergeable(c)) return c;
    const winner = winners.get(c.record.caseNo)!;
    if (winner === c) return c;
    return {
      ...c,
      state: 'merged',
      notes: [...c.notes, `I16: ${c.record.eventId} merged into ${winner.record.eventId} (case ${c.record.caseNo})`],
    };
  });
};
