// Composition root of `cycles-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import { cycleStore, notices, participants, subjectDirectory } from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { rescoreQueue } from '../composition/aws/sqs.ts';
import { composeCyclesApi } from '../composition/cyclesApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeCyclesApi({
  store: subjectDirectory(),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  rescoreQueue: rescoreQueue(),
  participants: participants(),
  notices: notices(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
