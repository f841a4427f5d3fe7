import { messageSubject, type RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { ProfileStore, SubjectBatchStore, SubjectRecordStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError } from '../shared/errors.ts';
import { ApplySubjectMessages } from './applySubjectMessages.ts';
import type { ApplyOutcome } from './messageChange.ts';

export { RecordNotYetStoredError } from './applyLifecycleChange.ts';
export type { ApplyOutcome } from './messageChange.ts';
export { ConcurrentUpdateError };

/**
 * Applies one message of the records queue to its subject, idempotently (any number of deliveries,
 * in any order): a group of one for `ApplySubjectMessages` — the record (or its lifecycle change)
 * and the subject's re-evaluated snapshots in one conditional transaction, then the knock-on
 * re-evaluations: agencies citing the record (I4), the employer of a practitioner (Annex 2). A
 * message that cannot be applied now (its record not stored yet) throws, to be retried.
 */
export class ApplyRecordMessage {
  private readonly subjectMessages: ApplySubjectMessages;

  constructor(
    store: SubjectRecordStore & SubjectBatchStore & ProfileStore,
    queue: RecordQueue,
    clock: Clock,
    /** Test seam: runs after the commit and before the knock-on, to simulate a crash there. */
    afterCommit: () => void = () => {},
    /** Schedules a credit warning's deadline (Art 22): indexed for the sweep and scheduled. */
    scheduleWarning?: (target: DeadlineTarget) => Promise<void>,
  ) {
    this.subjectMessages = new ApplySubjectMessages(store, queue, clock, afterCommit, scheduleWarning);
  }

  async execute(message: RecordMessage): Promise<ApplyOutcome> {
    const [outcome] = await this.subjectMessages.execute(messageSubject(message), [message]);
    if (!outcome) throw new ConcurrentUpdateError('no outcome for the message');
    if (outcome.status === 'failed') throw outcome.error;
    return outcome;
  }
}
