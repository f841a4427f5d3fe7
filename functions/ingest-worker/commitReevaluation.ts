import { yearOf } from '../../domain/dates.ts';
import type { ProfileStore, SubjectCommit, SubjectPartition, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { evaluateStored, liveYears, snapshotWrites, unregisteredProfile } from '../shared/subjectEvaluation.ts';
import type { ApplyOutcome, MessageChange, RecordsById } from './messageChange.ts';

type Evaluated = Awaited<ReturnType<typeof evaluateStored>>;

/**
 * Re-evaluates the subject over its changed records and commits the change with the new snapshots in
 * one conditional transaction; 'retry' when another writer won the race. A subject first met here is
 * created unregistered. With nothing to write, the message's outbox entry is still marked applied.
 */
export const commitReevaluation = async (
  store: SubjectRecordStore & ProfileStore,
  ref: SubjectRef,
  partition: SubjectPartition,
  records: RecordsById,
  change: MessageChange,
  today: string,
  at: string,
  /** The event the message is about: the commit checks whether an agency cites it (I4 knock-on). */
  citationCheck?: string,
): Promise<
  | {
      readonly outcome: ApplyOutcome;
      readonly evaluated: Evaluated;
      /** Whether an agency cites the event; null when nothing was committed to tell. */
      readonly cited: boolean | null;
    }
  | 'retry'
> => {
  const { newRecord, recordUpdate, eventApplied, lifecycleApplied, reference } = change;
  const audit = [...change.audit];
  const all = [...records.values()].map((r) => r.record);
  // Every stored snapshot stays true to the records: a change reaches back to every year that has
  // one (a repair in 2028 changes the stored result of 2026), besides the live years.
  const years = [
    ...new Set([
      ...liveYears(today),
      ...partition.snapshots.map((s) => s.year),
      ...(newRecord ? [yearOf(newRecord.record.occurredOn)] : []),
    ]),
  ].sort();
  const evaluated = await evaluateStored(store, ref, partition, all, years, today);
  const snapshots = snapshotWrites(partition, evaluated, today, at).map(({ snapshot, expectedVersion }) => ({
    snapshot,
    expectedVersion,
  }));
  const profileIfAbsent = partition.profile ? undefined : unregisteredProfile(ref, all, at);
  if (profileIfAbsent)
    audit.push({
      subject: ref,
      at,
      actor: 'system',
      action: 'subject.created-unregistered',
      what: { kind: ref.kind, id: ref.id },
      why: '收到未登记主体的信用记录',
    });

  const applied = { ...(eventApplied ? { eventApplied } : {}), ...(lifecycleApplied ? { lifecycleApplied } : {}) };
  const check = citationCheck ? { citationCheck } : {};
  const commit: SubjectCommit = {
    ...check,
    subject: ref,
    snapshots,
    audit,
    ...(newRecord ? { newRecord } : {}),
    ...(recordUpdate ? { recordUpdate } : {}),
    ...(profileIfAbsent ? { profileIfAbsent } : {}),
    ...applied,
    ...(reference ? { reference } : {}),
  };
  const nothingToWrite = !newRecord && !recordUpdate && !profileIfAbsent && snapshots.length === 0;
  let written: boolean | 'cited' | null = null;
  if (!nothingToWrite) {
    written = await store.commitSubject(commit);
    if (!written) return 'retry';
  } else if (eventApplied || lifecycleApplied)
    written = await store.commitSubject({ subject: ref, snapshots: [], audit: [], ...applied, ...check });
  const outcome: ApplyOutcome = nothingToWrite
    ? { status: 'unchanged' }
    : { status: 'applied', snapshotsWritten: snapshots.length };
  const cited = written === null || !citationCheck ? null : written === 'cited';
  return { outcome, evaluated, cited };
};
