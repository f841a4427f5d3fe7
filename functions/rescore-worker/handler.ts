import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { IssueConfirmationNotices } from '../notices/issueConfirmationNotices.ts';
import type { PublishResults } from '../publication/publishResults.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { rescoreMessageHandler } from './rescoreMessage.ts';
import type { RescoreSubjects } from './rescoreSubjects.ts';

export { SubjectsNotRescoredError } from './rescoreMessage.ts';

/**
 * `rescore-worker`: batches of subjects from the `rescore` queue — nightly rescoring, and the
 * publication of a year's results — with partial batch failures and a DLQ. A subject that cannot be
 * rescored fails only its own message (rescoreMessage.ts).
 */
export const createRescoreWorkerHandler = (
  useCase: RescoreSubjects,
  logger: Logger,
  onSummary?: (s: Awaited<ReturnType<RescoreSubjects['execute']>>) => void,
  publication?: PublishResults,
  confirmationNotices?: Pick<IssueConfirmationNotices, 'execute'>,
) => {
  const recordHandler = rescoreMessageHandler({ useCase, logger, onSummary, publication, confirmationNotices });
  return eventHandler(
    async (event: SQSEvent): Promise<SQSBatchResponse> =>
      processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), {
        throwOnFullBatchFailure: false,
      }),
    logger,
  );
};
