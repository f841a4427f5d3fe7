import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { createQueueBatchApplier } from './applyQueueBatch.ts';
import type { ApplySubjectMessages } from './applySubjectMessages.ts';

export { outboxKeyOf, SET_ASIDE_AFTER_RECEIVES } from './processMessage.ts';
export { PoisonMessageError };

/**
 * Time kept back at the end of an invocation (the worker's timeout is 50 s, infra/definitions.ts):
 * when a group is applied one message at a time, the messages not tried by then are reported failed
 * and come back, rather than be cut off by the timeout with nothing reported or recorded.
 */
export const TIME_MARGIN_MS = 10_000;

/**
 * `ingest-worker`: a batch consumer of the records queue with partial batch failures
 * (`createQueueBatchApplier`: each subject's messages together, every message with its own outcome).
 */
export const createIngestWorkerHandler = (
  useCase: ApplySubjectMessages,
  logger: Logger,
  outbox?: Pick<OutboxStore, 'setAside' | 'recordFailure'>,
  now: () => Date = () => new Date(),
) => {
  const apply = createQueueBatchApplier(useCase, logger, outbox, now);
  return eventHandler(async (event: SQSEvent, context): Promise<SQSBatchResponse> => {
    const remaining =
      typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : null;
    const stopAt = remaining === null ? Number.POSITIVE_INFINITY : Date.now() + remaining - TIME_MARGIN_MS;
    const failed = await apply(event.Records, stopAt);
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  }, logger);
};
