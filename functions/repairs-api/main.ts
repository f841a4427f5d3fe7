// Composition root of `repairs-api` on AWS Lambda (behind the API's JWT authorizer).
import { creditStore, cycleStore } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { pushQueue, recordQueue } from '../composition/aws/sqs.ts';
import { tokenVerifier } from '../composition/aws/tokenVerifier.ts';
import { composeRepairsApi } from '../composition/repairsApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeRepairsApi({
  store: creditStore(),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  recordQueue: recordQueue(),
  pushQueue: pushQueue(),
  tokenVerifier: tokenVerifier(),
  clock: systemClock,
  logger: createLogger,
});
