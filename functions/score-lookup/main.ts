// Composition root of `score-lookup` on AWS Lambda.
import { creditStore } from '../composition/aws/dynamo.ts';
import { tokenVerifier } from '../composition/aws/tokenVerifier.ts';
import { composeScoreLookup } from '../composition/scoreLookup.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeScoreLookup({
  store: creditStore(),
  tokenVerifier: tokenVerifier(),
  clock: systemClock,
  logger: createLogger,
});
