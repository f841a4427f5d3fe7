import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { describeIssues, validate } from '../../domain/validation.ts';
import { type RecordMessage, recordMessageSchema } from '../ports/messages.ts';
import type { OutboxKey, OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import type { ApplyRecordMessage } from './applyRecordMessage.ts';

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

/** The record message an SQS record carries; a body that is not one is poison. */
const parseMessage = (record: SQSRecord): RecordMessage => {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError(`message ${record.messageId} is not JSON`);
  }
  const parsed = validate(recordMessageSchema, body);
  if (!parsed.ok)
    throw new PoisonMessageError(
      `message ${record.messageId} is not a record message: ${describeIssues(parsed.issues)}`,
    );
  return parsed.value;
};

/**
 * Processes one message of the records queue on its own. A message that can never be applied (a
 * conflict), or that failed too often, is set aside on its outbox claim with its cause, logged with
 * its eventId, and acknowledged; any other failure is recorded on the claim and thrown, to be retried.
 */
export const createMessageProcessor =
  (
    useCase: ApplyRecordMessage,
    logger: Logger,
    outbox: Pick<OutboxStore, 'setAside' | 'recordFailure'> | undefined,
    now: () => Date,
  ) =>
  async (record: SQSRecord): Promise<void> => {
    const message = parseMessage(record);
    const key = outboxKeyOf(message);
    try {
      const outcome = await useCase.execute(message);
      if (outcome.status === 'conflict') throw new PoisonMessageError(outcome.detail);
      logger.debug('applied', { messageId: record.messageId, type: message.type, outcome });
    } catch (err) {
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
        return;
      }
      if (key && outbox) await outbox.recordFailure(key, error);
      throw err;
    }
  };
