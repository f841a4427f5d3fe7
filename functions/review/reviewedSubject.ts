import type { LegalDate } from '../../domain/dates.ts';
import type { SubjectResult } from '../../domain/evaluation/result.ts';
import type { ReviewItem } from '../../domain/review/reviewItems.ts';
import type { RepairApplicationStore, SubjectRecordStore } from '../ports/store.ts';
import { evaluateFinal } from '../publication/publishResults.ts';

/**
 * An item's live re-evaluation on a day, made as the final result is (publication's `evaluateFinal`):
 * the review's changes once applied, and the repairs granted during publicity (Art 23 ¶1), are in it.
 * Undefined when the subject has no result for the year.
 */
export const liveResult = async (
  store: SubjectRecordStore & RepairApplicationStore,
  item: Pick<ReviewItem, 'kind' | 'code'>,
  year: number,
  on: LegalDate,
): Promise<SubjectResult | undefined> => {
  const ref = { kind: item.kind, id: item.code };
  const partition = await store.loadSubject(ref);
  return (await evaluateFinal(store, ref, partition, year, on)).result;
};
