import { warningExpiry } from '../../domain/evaluation/creditWarning.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import { type DeadlineTarget, subjectOwner } from '../ports/scheduler.ts';
import type { SubjectRecordStore, SubjectRef } from '../ports/store.ts';

/**
 * The knock-on re-evaluations of an applied message, enqueued (idempotent themselves): agencies
 * citing the record (I4), the employer of a practitioner (Annex 2 staff rule).
 */
export const enqueueKnockOns = async (
  store: Pick<SubjectRecordStore, 'referencesTo'>,
  queue: RecordQueue,
  message: RecordMessage,
  ref: SubjectRef,
  /** The subject as the applied message's evaluation read it (its profile), so no second read. */
  subject: Subject | null,
  /** Whether an agency cites the changed record, as the commit found; null: unknown, so look. */
  cited: boolean | null = null,
): Promise<void> => {
  const out = await knockOnsOf(store, message, ref, subject, cited);
  if (out.length > 0) await queue.send(out);
};

/** The knock-on re-evaluations of an applied message (to be sent together with others of its batch). */
export const knockOnsOf = async (
  store: Pick<SubjectRecordStore, 'referencesTo'>,
  message: RecordMessage,
  ref: SubjectRef,
  subject: Subject | null,
  cited: boolean | null,
): Promise<RecordMessage[]> => {
  const out: RecordMessage[] = [];
  if (message.type !== 'subject.reevaluate' && cited !== false) {
    const eventId = message.type === 'record.created' ? message.record.eventId : message.eventId;
    for (const agency of await store.referencesTo(eventId))
      out.push({ type: 'subject.reevaluate', subject: agency, cause: `client:${eventId}:${message.type}` });
  }
  if (ref.kind === 'practitioner') {
    const employer = subject?.kind === 'practitioner' ? subject.employer : null;
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
  return out;
};

/**
 * Art 22, I8: when a warning's deadline passes unrectified the record starts to count; the subject is
 * re-evaluated at once, at the first moment of the next day. A deadline already past needs no
 * schedule: today's evaluation counts the record already.
 */
export const scheduleWarningDeadline = async (
  message: RecordMessage,
  ref: SubjectRef,
  now: Date,
  scheduleWarning: (target: DeadlineTarget) => Promise<void>,
): Promise<void> => {
  if (message.type !== 'record.created' || !message.record.warning || message.record.rectifiedOn !== null) return;
  const at = warningExpiry(message.record.warning).expiresAt;
  if (Date.parse(at) > now.getTime())
    await scheduleWarning({ kind: 'warning', owner: subjectOwner(ref), deadlineId: message.record.eventId, at });
};
