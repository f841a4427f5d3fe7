import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { OutboxStore } from '../ports/store.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { ApplyRecordMessage } from './applyRecordMessage.ts';
import { createMessageProcessor } from './processMessage.ts';

export { PoisonMessageError } from '../shared/errors.ts';
export { outboxKeyOf, SET_ASIDE_AFTER_RECEIVES } from './processMessage.ts';

/**
 * `ingest-worker`: a batch consumer of the records queue with partial batch failures. Every message
 * stands alone (correctness never rests on FIFO group order, docs/development.md): a failing message
 * fails only itself, and the rest of its subject's messages go on; one that can never be applied is
 * set aside and shown in the stuck list for a person to re-drive (docs/ingestion.md).
 */
export const createIngestWorkerHandler = (
  useCase: ApplyRecordMessage,
  logger: Logger,
  outbox?: Pick<OutboxStore, 'setAside' | 'recordFailure'>,
  now: () => Date = () => new Date(),
) => {
  const recordHandler = createMessageProcessor(useCase, logger, outbox, now);
  return eventHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const processor = new BatchProcessor(EventType.SQS);
    // One after the other: a subject's messages in one batch would only race for its snapshot.
    return processPartialResponse(event, recordHandler, processor, {
      processInParallel: false,
      throwOnFullBatchFailure: false,
    });
  }, logger);
};
