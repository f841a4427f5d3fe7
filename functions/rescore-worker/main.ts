// Composition root of `rescore-worker` on AWS Lambda (the rescore queue's consumer).
import {
  finalResults,
  notices,
  publishedResults,
  repairApplications,
  subjectRecords,
} from '../composition/aws/dynamo.ts';
import { pushQueue, recordQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeRescoreWorker } from '../composition/rescoreWorker.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeRescoreWorker({
  store: joinPorts(subjectRecords(), publishedResults(), repairApplications()),
  pushQueue: pushQueue(),
  recordQueue: recordQueue(),
  notices: notices(),
  // The year's final results, frozen when the review is confirmed and published from (Art 16(4)–(5), 17(6)–(7)).
  finalResults: finalResults(),
  clock: systemClock,
  logger: createLogger,
});
