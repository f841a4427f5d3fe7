import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { describeIssues, validate } from '../../domain/validation.ts';
import type { ApplyRecordMessage } from './applyRecordMessage.ts';
import { recordMessageSchema } from './messages.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';

export { PoisonMessageError };

/**
 * `ingest-worker`: a batch consumer of the records queue with partial batch failures. A failed
 * message fails only the rest of its group (skipGroupOnError); the queue redrives it, and after a
 * bounded number of tries it lands in the DLQ.
 */
export const createIngestWorkerHandler = (useCase: ApplyRecordMessage, logger: Logger) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      throw new PoisonMessageError(`message ${record.messageId} is not JSON`);
    }
    const parsed = validate(recordMessageSchema, body);
    if (!parsed.ok) throw new PoisonMessageError(`message ${record.messageId} is not a record message: ${describeIssues(parsed.issues)}`);
    const outcome = await useCase.execute(parsed.value);
    if (outcome.status === 'conflict') throw new PoisonMessageError(`message ${record.messageId}: ${outcome.detail}`);
    logger.debug('applied', { messageId: record.messageId, type: parsed.value.type, outcome });
  };
  return eventHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const processor = new SqsFifoPartialProcessorAsync();
    const response = await processPartialResponse(event, recordHandler, processor, { skipGroupOnError: true, throwOnFullBatchFailure: false });
    for (const failure of response.batchItemFailures) logger.warn('message failed; it will be retried', { messageId: failure.itemIdentifier });
    return response;
  });
};
