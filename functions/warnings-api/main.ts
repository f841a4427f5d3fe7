// Composition root of `warnings-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import {
  auditLog,
  claimStore,
  cycleStore,
  notices,
  profiles,
  subjectRecords,
  warnings,
} from '../composition/aws/dynamo.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeWarningsApi } from '../composition/warningsApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeWarningsApi({
  // A warning's record is claimed as a webhook's and goes through the records' queue; the unit's
  // profile names it in the notice, and the warned record is read back for its deduction.
  store: joinPorts(subjectRecords(), claimStore(), auditLog(), profiles()),
  warnings: warnings(),
  notices: notices(),
  // The official calendar counts the rectification's working days (I8).
  cycleStore: cycleStore(),
  recordQueue: recordQueue(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
