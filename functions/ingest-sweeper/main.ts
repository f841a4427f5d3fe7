// Composition root of `ingest-sweeper` on AWS Lambda (every few minutes).
import { claimStore } from '../composition/aws/dynamo.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { sweepOlderThanSeconds } from '../composition/aws/sweep.ts';
import { composeIngestSweeper } from '../composition/ingestSweeper.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeIngestSweeper({
  store: claimStore(),
  recordQueue: recordQueue(),
  clock: systemClock,
  sweepOlderThanSeconds: sweepOlderThanSeconds(),
  logger: createLogger,
});
