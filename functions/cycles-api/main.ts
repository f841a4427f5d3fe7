// Composition root of `cycles-api` on AWS Lambda (behind the API's JWT authorizer).
import { creditStore, cycleStore } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { rescoreQueue } from '../composition/aws/sqs.ts';
import { tokenVerifier } from '../composition/aws/tokenVerifier.ts';
import { composeCyclesApi } from '../composition/cyclesApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeCyclesApi({
  store: creditStore(),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  rescoreQueue: rescoreQueue(),
  tokenVerifier: tokenVerifier(),
  clock: systemClock,
  logger: createLogger,
});
