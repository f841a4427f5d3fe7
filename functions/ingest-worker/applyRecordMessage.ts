import { legalDateOfInstant } from '../../domain/dates.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import { messageSubject, type RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { ProfileStore, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError } from '../shared/errors.ts';
import { updateStaffLink } from '../shared/subjectEvaluation.ts';
import { applyCreatedRecord } from './applyCreatedRecord.ts';
import { applyLifecycleChange, isLifecycleMessage } from './applyLifecycleChange.ts';
import { commitReevaluation } from './commitReevaluation.ts';
import { enqueueKnockOns, scheduleWarningDeadline } from './knockOn.ts';
import type { ApplyOutcome, Conflict, MessageChange, RecordsById } from './messageChange.ts';

export { RecordNotYetStoredError } from './applyLifecycleChange.ts';
export type { ApplyOutcome } from './messageChange.ts';
export { ConcurrentUpdateError };

const MAX_ATTEMPTS = 8;

/**
 * Applies one message of the records queue to its subject, idempotently (any number of deliveries,
 * in any order): the record (or its lifecycle change) and the subject's re-evaluated snapshots are
 * written in one transaction guarded by conditions; a lost race reads again and recomputes. Then the
 * knock-on re-evaluations are enqueued: agencies citing the record (I4), the employer of a
 * practitioner (Annex 2 staff rule).
 */
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
      const attempted = await this.attempt(message, ref);
      if (attempted === 'retry') continue;
      const { outcome, subject, cited } = attempted;
      if (outcome.status !== 'conflict') {
        this.afterCommit();
        await enqueueKnockOns(this.store, this.queue, message, ref, subject, cited);
        if (this.scheduleWarning) await scheduleWarningDeadline(message, ref, this.clock.now(), this.scheduleWarning);
      }
      return outcome;
    }
    throw new ConcurrentUpdateError(`subject ${ref.kind}:${ref.id} kept changing; retry later`);
  }

  /** One try; with the subject as its partition says (its employer, for the staff knock-on). */
  private async attempt(
    message: RecordMessage,
    ref: SubjectRef,
  ): Promise<
    { readonly outcome: ApplyOutcome; readonly subject: Subject | null; readonly cited: boolean | null } | 'retry'
  > {
    const now = this.clock.now();
    const at = now.toISOString();
    const partition = await this.store.loadSubject(ref);
    const records: RecordsById = new Map(partition.records.map((r) => [r.record.eventId, r]));
    const change = changeOf(message, records, ref, at);
    if ('status' in change) return { outcome: change, subject: partition.profile?.subject ?? null, cited: null };
    const committed = await commitReevaluation(
      this.store,
      ref,
      partition,
      records,
      change,
      legalDateOfInstant(now),
      at,
      citedEventOf(message),
    );
    if (committed === 'retry') return 'retry';
    await updateStaffLink(this.store, ref, committed.evaluated);
    return { outcome: committed.outcome, subject: committed.evaluated.subject, cited: committed.cited };
  }
}

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
): MessageChange | Conflict =>
  message.type === 'record.created'
    ? applyCreatedRecord(message, records, ref, at)
    : isLifecycleMessage(message)
      ? applyLifecycleChange(message, records, ref, at)
      : { audit: [] };
