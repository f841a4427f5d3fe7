// Composition root of `cycles-api` on AWS Lambda (behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import {
  comments,
  cycleStore,
  finalResults,
  leagueReports,
  notices,
  objections,
  participants,
  profiles,
  reviews,
  subjectDirectory,
} from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { recordQueue, rescoreQueue } from '../composition/aws/sqs.ts';
import { composeCyclesApi } from '../composition/cyclesApi.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeCyclesApi({
  store: joinPorts(subjectDirectory(), profiles()),
  cycleStore: cycleStore(),
  scheduler: scheduler(),
  rescoreQueue: rescoreQueue(),
  recordQueue: recordQueue(),
  participants: participants(),
  notices: notices(),
  leagueReports: leagueReports(),
  // The gates of the acts: a league's report (reportSent, regionReleased) and the review (reviewConfirmed).
  reviews: reviews(),
  objections: objections(),
  comments: comments(),
  finalResults: finalResults(),
  // Behind the API's JWT authorizer: API Gateway has verified the token (docs/aws.md).
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
