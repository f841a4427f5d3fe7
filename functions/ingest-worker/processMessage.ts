import type { SQSRecord } from 'aws-lambda';
import { describeIssues, validate } from '../../domain/validation.ts';
import { queuedRecordMessagesSchema, type RecordMessage, recordMessagesOf } from '../ports/messages.ts';
import type { OutboxKey, OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { ApplyOutcome } from './messageChange.ts';

/** Tries of one message before its outbox entry is set aside (below the queue's maxReceiveCount, so it never reaches the DLQ unrecorded). */
export const SET_ASIDE_AFTER_RECEIVES = 4;

/** The outbox entry a message applies, if it has one (webhook records and lifecycle changes). */
export const outboxKeyOf = (m: RecordMessage): OutboxKey | null =>
  m.type === 'record.created'
    ? { eventId: m.record.eventId, entry: 'created' }
    : m.type === 'record.rectified'
      ? { eventId: m.eventId, entry: 'rectifiedOn' }
      : m.type === 'record.revoked'
        ? { eventId: m.eventId, entry: 'revokedOn' }
        : null;

const describe = (err: unknown): string =>
  err instanceof Error
    ? `${err.name}: ${err.message}${err.cause ? ` (cause: ${String(err.cause)})` : ''}`
    : String(err);

/** The record messages an SQS record carries (one, or a subject's batch); a body that is not that is poison. */
export const parseMessages = (record: SQSRecord): readonly RecordMessage[] => {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError(`message ${record.messageId} is not JSON`);
  }
  const parsed = validate(queuedRecordMessagesSchema, body);
  if (!parsed.ok)
    throw new PoisonMessageError(
      `message ${record.messageId} is not a record message: ${describeIssues(parsed.issues)}`,
    );
  return recordMessagesOf(parsed.value);
};

/**
 * Settles one message after its subject's group was applied: a message that can never be applied
 * (a conflict), or that failed too often, is set aside on its outbox claim with its cause, logged
 * with its eventId, and acknowledged; any other failure is recorded on the claim and reported, to be
 * retried. Returns whether the message is reported as failed.
 */
export const createMessageSettler =
  (logger: Logger, outbox: Pick<OutboxStore, 'setAside' | 'recordFailure'> | undefined, now: () => Date) =>
  async (
    record: SQSRecord,
    message: RecordMessage,
    result: ApplyOutcome | { readonly error: unknown },
  ): Promise<boolean> => {
    if ('status' in result && result.status !== 'conflict') {
      logger.debug('applied', { messageId: record.messageId, type: message.type, outcome: result });
      return false;
    }
    const err = 'status' in result ? new PoisonMessageError(result.detail) : result.error;
    const key = outboxKeyOf(message);
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
