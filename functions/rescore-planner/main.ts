// Composition root of `rescore-planner` on AWS Lambda (the 02:00 cron).
import {
  claimStore,
  cycleStore,
  filings,
  notices,
  participants,
  profiles,
  repairApplications,
  subjectDirectory,
} from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue, rescoreQueue } from '../composition/aws/sqs.ts';
import { sweepOlderThanSeconds } from '../composition/aws/sweep.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeRescorePlanner } from '../composition/rescorePlanner.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeRescorePlanner({
  store: joinPorts(subjectDirectory(), profiles(), repairApplications(), claimStore()),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  recordQueue: recordQueue(),
  participants: participants(),
  notices: notices(),
  filings: filings(),
  rescoreQueue: rescoreQueue(),
  sweepOlderThanSeconds: sweepOlderThanSeconds(),
  clock: systemClock,
  logger: createLogger,
});
