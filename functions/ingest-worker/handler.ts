import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { describeIssues, validate } from '../../domain/validation.ts';
import { type RecordMessage, recordMessageSchema } from '../ports/messages.ts';
import type { OutboxKey, OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { ApplyRecordMessage } from './applyRecordMessage.ts';

export { PoisonMessageError };

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

/**
 * `ingest-worker`: a batch consumer of the records queue with partial batch failures. Every message
 * stands alone (correctness never rests on FIFO group order, docs/development.md): a failing message fails
 * only itself, and the rest of its subject's messages go on. A message that can never be applied
 * (a conflict), or that failed too often, is set aside on its claim with its cause, logged with its
 * eventId, and acknowledged; a person sees it in the stuck list and re-drives it (docs/ingestion.md).
 */
export const createIngestWorkerHandler = (
  useCase: ApplyRecordMessage,
  logger: Logger,
  outbox?: Pick<OutboxStore, 'setAside' | 'recordFailure'>,
  now: () => Date = () => new Date(),
) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
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
    const message = parsed.value;
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
  return eventHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const processor = new BatchProcessor(EventType.SQS);
    // One after the other: a subject's messages in one batch would only race for its snapshot.
    return processPartialResponse(event, recordHandler, processor, {
      processInParallel: false,
      throwOnFullBatchFailure: false,
    });
  }, logger);
};
