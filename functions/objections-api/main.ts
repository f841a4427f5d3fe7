// Composition root of `objections-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import {
  auditLog,
  claimStore,
  cycleStore,
  notices,
  objections,
  practitionerFilings,
  profiles,
  publishedResults,
  snapshotReader,
  subjectDirectory,
  subjectRecords,
} from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeObjectionsApi } from '../composition/objectionsApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeObjectionsApi({
  // An objection's records and pre-grade (the live result), its review's corrections through the
  // record claim path.
  store: joinPorts(
    subjectRecords(),
    snapshotReader(),
    publishedResults(),
    profiles(),
    auditLog(),
    subjectDirectory(),
    claimStore(),
  ),
  cycleStore: cycleStore(),
  // A unit objects for a practitioner it filed (Art 18(4)).
  practitionerFilings: practitionerFilings(),
  objections: objections(),
  notices: notices(),
  scheduler: scheduler(),
  recordQueue: recordQueue(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
