// Composition root of `deadline` on AWS Lambda (invoked by EventBridge Scheduler).
import { cycleStore, filings, notices, participants, profiles, repairApplications } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { composeDeadline } from '../composition/deadline.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeDeadline({
  store: joinPorts(profiles(), repairApplications()),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  recordQueue: recordQueue(),
  participants: participants(),
  notices: notices(),
  filings: filings(),
  clock: systemClock,
  logger: createLogger,
});
