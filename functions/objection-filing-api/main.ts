// Composition root of `objection-filing-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import {
  cycleStore,
  objections,
  practitionerFilings,
  profiles,
  publishedResults,
  snapshotReader,
  subjectReader,
} from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeObjectionFilingApi } from '../composition/objectionFilingApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeObjectionFilingApi({
  // The disputed records must be the participant's own: its live result of the year (the snapshot,
  // else the records evaluated; the published result outside its jurisdiction), read only.
  store: joinPorts(subjectReader(), snapshotReader(), publishedResults(), profiles()),
  // The cycle receives the objection (`objectionReceived`), which puts its review limit on the deadline path.
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  objections: objections(),
  // A unit objects for a practitioner it filed (Art 18(4)).
  practitionerFilings: practitionerFilings(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
