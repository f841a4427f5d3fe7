import type { LegalDate } from '../../domain/dates.ts';
import type { ResultItem, ScoredResult, SubjectResult } from '../../domain/evaluation/evaluateSubject.ts';
import { publishedResult } from '../../domain/evaluation/publishedResult.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { RepairApplication } from '../ports/store.ts';
import { publicShape } from '../shared/subjectEvaluation.ts';

/**
 * The published result of a year as it is stored, served by the public lookup (docs/api.md §3,
 * `status: published`) and pushed: the domain's published result (`publishedResult`: what a year's
 * result shows, Art 19), with the date of each repair beside the repaired record and, once the
 * result was re-issued after a repair (Art 23), which issue it is and which repairs made it.
 */
export interface ReissueMark {
  /** The issue of the year's result: 1 is the original publication, each re-issue adds one. */
  readonly version: number;
  readonly reissuedOn: LegalDate;
  readonly article: 'Art 23';
  readonly repairs: readonly { readonly eventId: string; readonly repairedOn: LegalDate; readonly bureau: string }[];
}

export type PublishedItem = ResultItem & { readonly repairedOn?: LegalDate };
export type PublishedResult = Omit<ScoredResult, 'items'> & {
  readonly items: PublishedItem[];
  readonly reissue?: ReissueMark;
};

/** The issue number of a stored published result (1 until it is re-issued). */
export const issueOf = (result: unknown): number => (result as PublishedResult).reissue?.version ?? 1;

/**
 * The records as the league bureau's decisions left them (Art 23): an approved repair takes effect
 * on its decision date. The decision reaches the stored record through the records queue, so the
 * publication applies it itself rather than depend on the queue's timing.
 */
export const withApprovedRepairs = (
  records: readonly CreditRecord[],
  applications: readonly RepairApplication[],
): CreditRecord[] => {
  const approved = new Map(
    applications.filter((a) => a.status === 'approved' && a.decidedOn !== null).map((a) => [a.eventId, a.decidedOn!]),
  );
  return records.map((r) =>
    r.repairedOn == null && approved.has(r.eventId) ? { ...r, repairedOn: approved.get(r.eventId)! } : r,
  );
};

export const publishedShape = (
  result: SubjectResult,
  records: readonly CreditRecord[],
  reissue?: ReissueMark,
): PublishedResult => {
  const shown = publishedResult(publicShape(result) as ScoredResult);
  const repairedOn = new Map(records.filter((r) => r.repairedOn != null).map((r) => [r.eventId, r.repairedOn!]));
  const items: PublishedItem[] = shown.items.map((i) =>
    i.state === 'repaired' && repairedOn.has(i.eventId) ? { ...i, repairedOn: repairedOn.get(i.eventId)! } : i,
  );
  return { ...shown, items, ...(reissue ? { reissue } : {}) };
};
