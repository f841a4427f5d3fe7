// Composition root of `rescore-worker` on AWS Lambda (the rescore queue's consumer).
import { creditStore } from '../composition/aws/dynamo.ts';
import { pushQueue, recordQueue } from '../composition/aws/sqs.ts';
import { composeRescoreWorker } from '../composition/rescoreWorker.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeRescoreWorker({
  store: creditStore(),
  pushQueue: pushQueue(),
  recordQueue: recordQueue(),
  clock: systemClock,
  logger: createLogger,
});
