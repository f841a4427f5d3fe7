// Composition root of `objections-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import {
  auditLog,
  claimStore,
  cycleStore,
  notices,
  objections,
  profiles,
  recordReader,
} from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeObjectionsApi } from '../composition/objectionsApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeObjectionsApi({
  // The disputed records as stored (read only); a review's corrections go through the record claim
  // path (the claims, the audit trail, an agency's categories in its profile) and the records' queue.
  store: joinPorts(recordReader(), claimStore(), auditLog(), profiles()),
  // A review records the cycle's act (`objectionReviewed`) and the list counts its working days (I8).
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  objections: objections(),
  notices: notices(),
  recordQueue: recordQueue(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
