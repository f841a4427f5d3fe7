import type { LegalDate } from '../../domain/dates.ts';
import { DEFAULT_OPTIONS } from '../../domain/evaluation/options.ts';
import { evaluatePractitioner } from '../../domain/evaluation/practitioner.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { unregisteredSubject } from '../shared/subjectEvaluation.ts';

/**
 * The records that made a practitioner dishonest in `year` (Art 18, 35), counted as of `on`: what a
 * practitioner's repair repairs (Art 25). None when the practitioner was not rated dishonest (or
 * the subject is no practitioner). Only the practitioner's rule (Art 13) is evaluated, so the
 * functions that decide repairs carry nothing of the enterprise and agency scoring.
 */
export const dishonestRecordsOf = async (
  store: SubjectRecordStore,
  ref: SubjectRef,
  year: number,
  on: LegalDate,
): Promise<string[]> => {
  if (ref.kind !== 'practitioner' || on < `${year}-01-01`) return [];
  const partition = await store.loadSubject(ref);
  const records = partition.records.map((r) => r.record);
  const subject = partition.profile?.subject ?? unregisteredSubject(ref, records);
  if (subject.kind !== 'practitioner') return [];
  const clientIds = records.filter((r) => r.clientEventId !== null).map((r) => r.clientEventId!);
  const clients = clientIds.length > 0 ? await store.loadRecords(clientIds) : new Map<string, CreditRecord>();
  const result = evaluatePractitioner(subject, records, {
    period: { year, asOf: on, options: DEFAULT_OPTIONS },
    clientOf: (id) => clients.get(id),
    history: [],
  });
  if (result.dishonest !== true) return [];
  return result.items.filter((i) => i.state === 'counted').map((i) => i.eventId);
};
