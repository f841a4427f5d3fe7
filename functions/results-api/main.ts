// Composition root of `results-api` on AWS Lambda (the sampling route behind the API's JWT authorizer).
import { AuthorizerVerifiedTokens } from '../adapters/authorizerTokens.ts';
import { publishedDirectory, publishedResults } from '../composition/aws/dynamo.ts';
import { composeResultsApi } from '../composition/resultsApi.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeResultsApi({
  store: publishedResults(),
  publishedDirectory: publishedDirectory(),
  // The sampling list is behind the API's JWT authorizer (docs/aws.md); the measures lookup asks no token.
  tokenVerifier: new AuthorizerVerifiedTokens(),
  clock: systemClock,
  logger: createLogger,
});
