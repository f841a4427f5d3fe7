import {
  type RepairApplication,
  repairTargetOf,
  type SubjectPartition,
  type SubjectRecordStore,
  type SubjectRef,
} from '../ports/store.ts';
import { evaluateStored } from '../shared/subjectEvaluation.ts';

/**
 * The records an approved repair repaired (Art 23 ¶2, 25) that the stored records do not show
 * repaired yet: the decision's `record.repaired` messages never arrived (the request died between
 * storing the decision and sending them). An enterprise's or agency's application names its one
 * record; a practitioner's (a year rated dishonest) repaired the records counted in that year on the
 * decision date, as they were before it.
 */
export const unappliedRepairs = async (
  store: SubjectRecordStore,
  ref: SubjectRef,
  partition: SubjectPartition,
  app: RepairApplication,
): Promise<string[]> => {
  const records = partition.records.map((r) => r.record);
  if (app.status !== 'approved' || app.decidedOn === null) return [];
  const target = repairTargetOf(app);
  if (target.kind === 'record')
    return records.some((r) => r.eventId === target.eventId && r.repairedOn == null) ? [target.eventId] : [];
  const waiting = records.filter((r) => r.repairedOn == null);
  if (waiting.length === 0) return [];
  const year = target.year;
  const decidedOn = app.decidedOn;
  const before = records.map((r) => (r.repairedOn === decidedOn ? { ...r, repairedOn: null } : r));
  const result = (await evaluateStored(store, ref, partition, before, [year], decidedOn)).results.get(year);
  const counted = new Set(result?.items.filter((i) => i.state === 'counted').map((i) => i.eventId));
  return waiting.filter((r) => counted.has(r.eventId)).map((r) => r.eventId);
};
