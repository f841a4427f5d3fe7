import { legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type {
  AuditEntry,
  LifecycleField,
  ProfileStore,
  SubjectBatchCommit,
  SubjectBatchStore,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError, EcocreditError } from '../shared/errors.ts';
import {
  evaluateStored,
  liveYears,
  snapshotWrites,
  unregisteredProfile,
  updateStaffLink,
} from '../shared/subjectEvaluation.ts';
import { applyCreatedRecord } from './applyCreatedRecord.ts';
import { applyLifecycleChange, isLifecycleMessage, RecordNotYetStoredError } from './applyLifecycleChange.ts';
import { knockOnsOf, scheduleWarningDeadline } from './knockOn.ts';
import type { ApplyOutcome, Conflict, MessageChange, RecordsById } from './messageChange.ts';

const MAX_ATTEMPTS = 8;

/** One message whose change alone exceeds a transaction (never with the bounds at the webhook). */
export class TransactionTooLargeError extends EcocreditError {
  override readonly name = 'TransactionTooLargeError';
}

/** What became of one message of a subject's group: an outcome, or the failure that leaves it to a retry. */
export type GroupOutcome = ApplyOutcome | { readonly status: 'failed'; readonly error: Error };

/**
 * Applies the messages of one subject received in one batch of the records queue together: one read
 * of its partition, one evaluation and one transaction for all of them (records, lifecycle dates,
 * outbox marks, audit and the snapshots once), so that the snapshots are written once per batch and
 * not once per record. The messages apply in their order, as one by one would: a lifecycle change
 * that comes before its record's creation in the batch applies after it; one whose record is stored
 * nowhere fails alone (retried later); a conflict is that message's own outcome. A group too large
 * for one transaction is split. Then the knock-on re-evaluations of all of them are sent together:
 * agencies citing a changed record (I4), the employer of a practitioner (Annex 2 staff rule).
 */
export class ApplySubjectMessages {
  constructor(
    private readonly store: SubjectRecordStore & SubjectBatchStore & ProfileStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
    /** Test seam: runs after the commit and before the knock-on, to simulate a crash there. */
    private readonly afterCommit: () => void = () => {},
    /** Schedules a credit warning's deadline (Art 22): indexed for the sweep and scheduled. */
    private readonly scheduleWarning?: (target: DeadlineTarget) => Promise<void>,
  ) {}

  /** The outcome of each message, in the order given. */
  async execute(ref: SubjectRef, messages: readonly RecordMessage[]): Promise<GroupOutcome[]> {
    const outcomes: GroupOutcome[] = [];
    let size = messages.length;
    while (outcomes.length < messages.length) {
      const chunk = messages.slice(outcomes.length, outcomes.length + size);
      const applied = await this.applyChunk(ref, chunk);
      if (applied === 'tooLarge') {
        if (chunk.length === 1)
          throw new TransactionTooLargeError(`one message of ${ref.kind}:${ref.id} exceeds a transaction`);
        size = Math.ceil(chunk.length / 2);
        continue;
      }
      outcomes.push(...applied);
    }
    return outcomes;
  }

  private async applyChunk(ref: SubjectRef, messages: readonly RecordMessage[]): Promise<GroupOutcome[] | 'tooLarge'> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const now = this.clock.now();
      const at = now.toISOString();
      const today = legalDateOfInstant(now);
      const partition = await this.store.loadSubject(ref);
      const records: RecordsById = new Map(partition.records.map((r) => [r.record.eventId, r]));
      const changes = changesOf(messages, records, ref, at);
      // Nothing to apply (every message a conflict, or waiting for its record): nothing is written.
      if (changes.every((c) => 'status' in c)) return changes as GroupOutcome[];
      const commit = batchCommitOf(ref, changes, records);
      const all = [...records.values()].map((r) => r.record);
      // Every stored snapshot stays true to the records (a change reaches back to every year that
      // has one), besides the live years and the years of the new records.
      const years = [
        ...new Set([
          ...liveYears(today),
          ...partition.snapshots.map((s) => s.year),
          ...commit.newRecords.map((r) => yearOf(r.record.occurredOn)),
        ]),
      ].sort();
      const evaluated = await evaluateStored(this.store, ref, partition, all, years, today);
      // Only the years whose snapshot changed (content, or its as-of date past its stable period).
      const snapshots = snapshotWrites(partition, evaluated, today, at).map(({ snapshot, expectedVersion }) => ({
        snapshot,
        expectedVersion,
      }));
      const profileIfAbsent = partition.profile ? undefined : unregisteredProfile(ref, all, at);
      const audit: AuditEntry[] = [...commit.audit];
      if (profileIfAbsent)
        audit.push({
          subject: ref,
          at,
          actor: 'system',
          action: 'subject.created-unregistered',
          what: { kind: ref.kind, id: ref.id },
          why: '收到未登记主体的信用记录',
        });
      const nothingToWrite =
        commit.newRecords.length + commit.recordUpdates.length + commit.eventsApplied.length === 0 &&
        commit.lifecyclesApplied.length + commit.references.length + audit.length + snapshots.length === 0 &&
        !profileIfAbsent;
      // Nothing to write: no transaction, so no citation was checked either (the knock-on looks).
      const committed = nothingToWrite
        ? { status: 'committed' as const, cited: new Set<string>() }
        : await this.store.commitSubjectBatch({
            ...commit,
            snapshots,
            audit,
            ...(profileIfAbsent ? { profileIfAbsent } : {}),
          });
      if (committed.status === 'tooLarge') return 'tooLarge';
      if (committed.status === 'refused') {
        // Another writer of this subject won: back off a little (with jitter), so that writers
        // racing for one busy subject do not keep refusing each other.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
        continue;
      }
      this.afterCommit();
      await updateStaffLink(this.store, ref, evaluated);
      const checked = new Set(nothingToWrite ? [] : commit.citationChecks);
      const knockOns = new Map<string, RecordMessage>();
      const outcomes: GroupOutcome[] = [];
      for (const [i, message] of messages.entries()) {
        const change = changes[i]!;
        if ('status' in change) {
          outcomes.push(change);
          continue;
        }
        const event = citedEventOf(message);
        const cited = event === undefined || !checked.has(event) ? null : committed.cited.has(event);
        for (const k of await knockOnsOf(this.store, message, ref, evaluated.subject, cited))
          knockOns.set(JSON.stringify(k), k);
        if (this.scheduleWarning) await scheduleWarningDeadline(message, ref, now, this.scheduleWarning);
        const changed =
          change.newRecord !== undefined ||
          change.recordUpdate !== undefined ||
          (message.type === 'subject.reevaluate' && snapshots.length > 0);
        outcomes.push(changed ? { status: 'applied', snapshotsWritten: snapshots.length } : { status: 'unchanged' });
      }
      if (knockOns.size > 0) await this.queue.send([...knockOns.values()]);
      return outcomes;
    }
    throw new ConcurrentUpdateError(`subject ${ref.kind}:${ref.id} kept changing; retry later`);
  }
}

type Change =
  | (MessageChange & { readonly citedEvent?: string })
  | Conflict
  | { readonly status: 'failed'; readonly error: Error };

/**
 * What each message changes, applied in order on the subject's records; a lifecycle change whose
 * record comes later in the batch is applied after the others, as its retry would be.
 */
const changesOf = (messages: readonly RecordMessage[], records: RecordsById, ref: SubjectRef, at: string): Change[] => {
  const changes: (Change | undefined)[] = messages.map(() => undefined);
  const later: number[] = [];
  const apply = (i: number, deferMissing: boolean) => {
    const message = messages[i]!;
    try {
      changes[i] = changeOf(message, records, ref, at);
    } catch (err) {
      if (!(err instanceof RecordNotYetStoredError)) throw err;
      if (deferMissing) later.push(i);
      else changes[i] = { status: 'failed', error: err };
    }
  };
  for (const i of messages.keys()) apply(i, true);
  for (const i of later) apply(i, false);
  return changes as Change[];
};

/** The batch's commit but its evaluation: records as they end, each item once. */
const batchCommitOf = (
  ref: SubjectRef,
  changes: readonly Change[],
  records: RecordsById,
): Omit<SubjectBatchCommit, 'snapshots'> => {
  const created = new Set<string>();
  const updates = new Map<string, Partial<Record<LifecycleField, string>>>();
  const eventsApplied = new Set<string>();
  const lifecyclesApplied: NonNullable<SubjectBatchCommit['lifecyclesApplied']>[number][] = [];
  const references: SubjectBatchCommit['references'][number][] = [];
  const audit: AuditEntry[] = [];
  const citationChecks = new Set<string>();
  // First the records new to the partition (a lifecycle change deferred after its creation comes earlier).
  for (const change of changes)
    if (!('status' in change) && change.newRecord) created.add(change.newRecord.record.eventId);
  for (const change of changes) {
    if ('status' in change) continue;
    audit.push(...change.audit);
    if (change.recordUpdate && !created.has(change.recordUpdate.eventId)) {
      const { eventId, field, on } = change.recordUpdate;
      updates.set(eventId, { ...updates.get(eventId), [field]: on });
    }
    if (change.eventApplied) eventsApplied.add(change.eventApplied);
    if (change.lifecycleApplied) lifecyclesApplied.push(change.lifecycleApplied);
    if (change.reference) references.push(change.reference);
    if (change.citedEvent) citationChecks.add(change.citedEvent);
  }
  return {
    subject: ref,
    // A record created and changed in the same batch is written once, as it ends.
    newRecords: [...created].map((id) => records.get(id)!),
    recordUpdates: [...updates].map(([eventId, fields]) => ({ eventId, fields })),
    eventsApplied: [...eventsApplied],
    lifecyclesApplied,
    references,
    audit,
    citationChecks: [...citationChecks],
  };
};

/** The record a message changes, which agencies may cite (I4); a re-evaluation changes none. */
const citedEventOf = (message: RecordMessage): string | undefined =>
  message.type === 'record.created'
    ? message.record.eventId
    : message.type === 'subject.reevaluate'
      ? undefined
      : message.eventId;

/** What the message changes in its subject's records (a re-evaluation changes none). */
const changeOf = (
  message: RecordMessage,
  records: RecordsById,
  ref: SubjectRef,
  at: string,
): (MessageChange & { readonly citedEvent?: string }) | Conflict => {
  const change =
    message.type === 'record.created'
      ? applyCreatedRecord(message, records, ref, at)
      : isLifecycleMessage(message)
        ? applyLifecycleChange(message, records, ref, at)
        : { audit: [] };
  if ('status' in change) return change;
  const citedEvent = citedEventOf(message);
  return citedEvent ? { ...change, citedEvent } : change;
};
