import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { CreditPlatform } from '../ports/creditPlatform.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { pushMessageHandler } from './pushMessage.ts';

/**
 * `push-worker`: published results, and corrections of re-issued ones (Art 23), to the public credit
 * platform; failures are retried, then kept in the DLQ. Idempotent through the batch id, which the
 * platform receives as idempotency key: a re-delivered message is the same request again.
 */
export const createPushWorkerHandler = (platform: CreditPlatform, logger: Logger) => {
  const recordHandler = pushMessageHandler(platform, logger);
  return eventHandler(
    async (event: SQSEvent): Promise<SQSBatchResponse> =>
      processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), {
        throwOnFullBatchFailure: false,
      }),
    logger,
  );
};
