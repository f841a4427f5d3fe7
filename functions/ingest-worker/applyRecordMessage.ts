import { legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import { warningExpiry } from '../../domain/evaluation/creditWarning.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import { messageSubject, type RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import { type DeadlineTarget, subjectOwner } from '../ports/scheduler.ts';
import type {
  AuditEntry,
  ProfileStore,
  StoredRecord,
  SubjectCommit,
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

/**
 * Applies one message of the records queue to its subject, idempotently (any number of deliveries,
 * in any order): the record (or its lifecycle change) and the subject's re-evaluated snapshots are
 * written in one transaction guarded by conditions; a lost race reads again and recomputes. Then the
 * knock-on re-evaluations are enqueued: agencies citing the record (I4), the employer of a
 * practitioner (Annex 2 staff rule).
 */
export type ApplyOutcome =
  | { readonly status: 'applied'; readonly snapshotsWritten: number }
  | { readonly status: 'unchanged' }
  /** The same eventId already stored with other content, or a lifecycle date already set otherwise. */
  | { readonly status: 'conflict'; readonly detail: string };

/** A lifecycle message whose record has not been stored yet: retried later (queue order is not relied on). */
export class RecordNotYetStoredError extends EcocreditError {
  override readonly name = 'RecordNotYetStoredError';
}

export { ConcurrentUpdateError };

const MAX_ATTEMPTS = 8;

export class ApplyRecordMessage {
  constructor(
    private readonly store: SubjectRecordStore & ProfileStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
    /** Test seam: runs after the commit and before the knock-on, to simulate a crash there. */
    private readonly afterCommit: () => void = () => {},
    /** Schedules a credit warning's deadline (Art 22): indexed for the sweep and scheduled. */
    private readonly scheduleWarning?: (target: DeadlineTarget) => Promise<void>,
  ) {}

  async execute(message: RecordMessage): Promise<ApplyOutcome> {
    const ref = messageSubject(message);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const outcome = await this.attempt(message, ref);
      if (outcome === 'retry') continue;
      if (outcome.status !== 'conflict') {
        this.afterCommit();
        await this.knockOn(message, ref);
      }
      return outcome;
    }
    throw new ConcurrentUpdateError(`subject ${ref.kind}:${ref.id} kept changing; retry later`);
  }

  private async attempt(message: RecordMessage, ref: SubjectRef): Promise<ApplyOutcome | 'retry'> {
    const now = this.clock.now();
    const at = now.toISOString();
    const today = legalDateOfInstant(now);
    const partition = await this.store.loadSubject(ref);
    const records = new Map(partition.records.map((r) => [r.record.eventId, r]));
    const audit: AuditEntry[] = [];
    let newRecord: StoredRecord | undefined;
    let recordUpdate: SubjectCommit['recordUpdate'];
    let eventApplied: string | undefined;
    let lifecycleApplied: SubjectCommit['lifecycleApplied'];
    let reference: SubjectCommit['reference'];

    if (message.type === 'record.created') {
      const existing = records.get(message.record.eventId);
      if (existing && existing.contentHash !== message.contentHash)
        return { status: 'conflict', detail: `eventId ${message.record.eventId} stored with other content` };
      if (!existing) {
        newRecord = {
          record: message.record,
          contentHash: message.contentHash,
          source: message.source,
          receivedAt: message.receivedAt,
        };
        records.set(message.record.eventId, newRecord);
        audit.push({
          subject: ref,
          at,
          actor: `webhook:${message.source}`,
          action: 'record.created',
          what: { eventId: message.record.eventId, rule: message.record.rule, occurredOn: message.record.occurredOn },
          why: null,
        });
      }
      eventApplied = message.record.eventId;
      if (message.record.clientEventId)
        reference = { clientEventId: message.record.clientEventId, eventId: message.record.eventId };
    } else if (
      message.type === 'record.rectified' ||
      message.type === 'record.revoked' ||
      message.type === 'record.repaired'
    ) {
      const field =
        message.type === 'record.rectified'
          ? 'rectifiedOn'
          : message.type === 'record.revoked'
            ? 'revokedOn'
            : 'repairedOn';
      // A webhook's lifecycle change leaves the outbox with the change itself.
      if (field !== 'repairedOn') lifecycleApplied = { eventId: message.eventId, field };
      const existing = records.get(message.eventId);
      if (!existing) throw new RecordNotYetStoredError(`record ${message.eventId} not stored yet`);
      const current = existing.record[field];
      if (current !== null && current !== message.on)
        return { status: 'conflict', detail: `${field} of ${message.eventId} is ${current}, not ${message.on}` };
      if (current === null) {
        recordUpdate = { eventId: message.eventId, field, on: message.on };
        const updated: CreditRecord = { ...existing.record, [field]: message.on };
        records.set(message.eventId, { ...existing, record: updated });
        audit.push({
          subject: ref,
          at,
          actor: message.type === 'record.repaired' ? message.source : `webhook:${message.source}`,
          action: message.type,
          what: { eventId: message.eventId, [field]: message.on },
          why: message.type === 'record.revoked' ? message.reason : null,
        });
      }
    }

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
    const evaluated = await evaluateStored(this.store, ref, partition, all, years, today);
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

    const change: SubjectCommit = {
      subject: ref,
      snapshots,
      audit,
      ...(newRecord ? { newRecord } : {}),
      ...(recordUpdate ? { recordUpdate } : {}),
      ...(profileIfAbsent ? { profileIfAbsent } : {}),
      ...(eventApplied ? { eventApplied } : {}),
      ...(lifecycleApplied ? { lifecycleApplied } : {}),
      ...(reference ? { reference } : {}),
    };
    const nothingToWrite = !newRecord && !recordUpdate && !profileIfAbsent && snapshots.length === 0;
    if (!nothingToWrite && !(await this.store.commitSubject(change))) return 'retry';
    if (nothingToWrite && (eventApplied || lifecycleApplied))
      await this.store.commitSubject({
        subject: ref,
        snapshots: [],
        audit: [],
        ...(eventApplied ? { eventApplied } : {}),
        ...(lifecycleApplied ? { lifecycleApplied } : {}),
      });

    await updateStaffLink(this.store, ref, evaluated);
    return nothingToWrite ? { status: 'unchanged' } : { status: 'applied', snapshotsWritten: snapshots.length };
  }

  /** Knock-on re-evaluations, enqueued (idempotent themselves). */
  private async knockOn(message: RecordMessage, ref: SubjectRef): Promise<void> {
    const out: RecordMessage[] = [];
    if (message.type !== 'subject.reevaluate') {
      const eventId = message.type === 'record.created' ? message.record.eventId : message.eventId;
      for (const agency of await this.store.referencesTo(eventId))
        out.push({ type: 'subject.reevaluate', subject: agency, cause: `client:${eventId}:${message.type}` });
    }
    if (ref.kind === 'practitioner') {
      const profile = await this.store.getProfile(ref);
      const employer = profile?.subject.kind === 'practitioner' ? profile.subject.employer : null;
      if (employer?.kind === 'agency') {
        const cause =
          message.type === 'record.created'
            ? message.record.eventId
            : message.type === 'subject.reevaluate'
              ? message.cause
              : `${message.eventId}:${message.type}`;
        out.push({
          type: 'subject.reevaluate',
          subject: { kind: 'agency', id: employer.id },
          cause: `staff:${ref.id}:${cause}`,
        });
      }
    }
    if (out.length > 0) await this.queue.send(out);
    // Art 22, I8: when a warning's deadline passes unrectified the record starts to count; the
    // subject is re-evaluated at once, at the first moment of the next day.
    if (
      message.type === 'record.created' &&
      message.record.warning &&
      message.record.rectifiedOn === null &&
      this.scheduleWarning
    ) {
      const at = warningExpiry(message.record.warning).expiresAt;
      // A deadline already past needs no schedule: today's evaluation counts the record already.
      if (Date.parse(at) > this.clock.now().getTime())
        await this.scheduleWarning({
          kind: 'warning',
          owner: subjectOwner(ref),
          deadlineId: message.record.eventId,
          at,
        });
    }
  }
}
