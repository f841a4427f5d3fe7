// Composition root of `notices-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import { notices } from '../composition/aws/dynamo.ts';
import { composeNoticesApi } from '../composition/noticesApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeNoticesApi({
  // Notices are read as issued; opening one records its first reading (已读).
  notices: notices(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
