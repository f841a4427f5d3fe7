import type { SQSRecord } from 'aws-lambda';
import { describeIssues, validate } from '../../domain/validation.ts';
import { queuedMembersOf, type RecordMessage, recordMessageSchema } from '../ports/messages.ts';
import type { OutboxKey, OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { ApplyOutcome } from './messageChange.ts';

/** Tries of one message before its outbox entry is set aside (below the queue's maxReceiveCount, so it never reaches the DLQ unrecorded). */
export const SET_ASIDE_AFTER_RECEIVES = 4;

const describe = (err: unknown): string =>
  err instanceof Error
    ? `${err.name}: ${err.message}${err.cause ? ` (cause: ${String(err.cause)})` : ''}`
    : String(err);

/**
 * The outbox entry a message applies, if it has one (webhook records and lifecycle changes); read
 * from any body, so that a batch's member that is not a record message is set aside on its entry too.
 */
const outboxKeyNamedBy = (member: unknown): OutboxKey | null => {
  if (typeof member !== 'object' || member === null) return null;
  const m = member as { type?: unknown; eventId?: unknown; record?: { eventId?: unknown } | null };
  const entry =
    m.type === 'record.created'
      ? 'created'
      : m.type === 'record.rectified'
        ? 'rectifiedOn'
        : m.type === 'record.revoked'
          ? 'revokedOn'
          : null;
  const eventId = m.type === 'record.created' ? m.record?.eventId : m.eventId;
  return entry !== null && typeof eventId === 'string' ? { eventId, entry } : null;
};

export const outboxKeyOf = (m: RecordMessage): OutboxKey | null => outboxKeyNamedBy(m);

/** One member of an SQS message: a record message, or one that is not (with the outbox entry it names, if any). */
export type QueuedMember =
  | { readonly message: RecordMessage }
  | { readonly invalid: string; readonly key: OutboxKey | null };

/**
 * The members an SQS record carries (one message, or a subject's batch), each checked on its own. A
 * body that is not JSON, or a lone body that is not a record message, is poison as a whole.
 */
export const parseMessages = (record: SQSRecord): readonly QueuedMember[] => {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError(`message ${record.messageId} is not JSON`);
  }
  const members = queuedMembersOf(body);
  return members.map((member, i) => {
    const parsed = validate(recordMessageSchema, member);
    if (parsed.ok) return { message: parsed.value };
    const what = member === body ? '' : ` (member ${i})`;
    const invalid = `message ${record.messageId}${what} is not a record message: ${describeIssues(parsed.issues)}`;
    if (member === body) throw new PoisonMessageError(invalid);
    return { invalid, key: outboxKeyNamedBy(member) };
  });
};

/**
 * Settles one message after its subject's group was applied (or a batch's member that is not a
 * record message): a message that can never be applied (a conflict, an invalid member naming its
 * outbox entry), or that failed too often, is set aside on its outbox claim with its cause, logged
 * with its eventId, and acknowledged; any other failure is recorded on the claim and reported, to be
 * retried. Returns whether the message is reported as failed.
 */
export const createMessageSettler =
  (logger: Logger, outbox: Pick<OutboxStore, 'setAside' | 'recordFailure'> | undefined, now: () => Date) =>
  async (
    record: SQSRecord,
    message: RecordMessage | { readonly type: 'invalid'; readonly key: OutboxKey | null },
    result: ApplyOutcome | { readonly error: unknown },
  ): Promise<boolean> => {
    if ('status' in result && result.status !== 'conflict') {
      logger.debug('applied', { messageId: record.messageId, type: message.type, outcome: result });
      return false;
    }
    const err = 'status' in result ? new PoisonMessageError(result.detail) : result.error;
    const key = message.type === 'invalid' ? message.key : outboxKeyOf(message);
    const error = describe(err);
    const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
    const setAside =
      key !== null &&
      outbox !== undefined &&
      (err instanceof PoisonMessageError || receives >= SET_ASIDE_AFTER_RECEIVES);
    logger.error(setAside ? 'message set aside' : 'message failed; it will be retried', {
      eventId: key?.eventId ?? null,
      entry: key?.entry ?? null,
      messageId: record.messageId,
      type: message.type,
      receives,
      error,
    });
    if (setAside) {
      await outbox.setAside(key, error, now().toISOString());
      return false;
    }
    if (key && outbox) await outbox.recordFailure(key, error);
    return true;
  };
