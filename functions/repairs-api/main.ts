// Composition root of `repairs-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import { cycleStore, profiles, repairApplications, subjectRecords } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue, rescoreQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeRepairsApi } from '../composition/repairsApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeRepairsApi({
  store: joinPorts(subjectRecords(), profiles(), repairApplications()),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  recordQueue: recordQueue(),
  rescoreQueue: rescoreQueue(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
