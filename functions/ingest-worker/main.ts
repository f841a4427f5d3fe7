// Composition root of `ingest-worker` on AWS Lambda (the records queue's consumer).
import { creditStore, cycleStore } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { composeIngestWorker } from '../composition/ingestWorker.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeIngestWorker({
  store: creditStore(),
  recordQueue: recordQueue(),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  clock: systemClock,
  logger: createLogger,
});
