import type { LegalDate } from '../../domain/dates.ts';
import type { SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { evaluateStored } from '../shared/subjectEvaluation.ts';

/**
 * The records that made a practitioner dishonest in `year` (Art 18, 35), counted as of `on`: what a
 * practitioner's repair repairs (Art 25). None when the practitioner was not rated dishonest.
 */
export const dishonestRecordsOf = async (
  store: SubjectRecordStore,
  ref: SubjectRef,
  year: number,
  on: LegalDate,
): Promise<string[]> => {
  const partition = await store.loadSubject(ref);
  const evaluated = await evaluateStored(
    store,
    ref,
    partition,
    partition.records.map((r) => r.record),
    [year],
    on,
  );
  const result = evaluated.results.get(year);
  if (!result || !('dishonest' in result) || result.dishonest !== true) return [];
  return result.items.filter((i) => i.state === 'counted').map((i) => i.eventId);
};
