// Composition root of `ingest-worker` on AWS Lambda (the records queue's consumer).
import { claimStore, cycleStore, profiles, subjectRecords, warnings } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { composeIngestWorker } from '../composition/ingestWorker.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeIngestWorker({
  store: joinPorts(subjectRecords(), profiles(), claimStore()),
  recordQueue: recordQueue(),
  cycleStore: cycleStore(),
  warnings: warnings(),
  scheduler: scheduler(),
  clock: systemClock,
  logger: createLogger,
});
