// Composition root of `ingest-stuck` on AWS Lambda (behind the API's JWT authorizer).
import { creditStore } from '../composition/aws/dynamo.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { tokenVerifier } from '../composition/aws/tokenVerifier.ts';
import { composeIngestStuck } from '../composition/ingestStuck.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeIngestStuck({
  store: creditStore(),
  recordQueue: recordQueue(),
  tokenVerifier: tokenVerifier(),
  clock: systemClock,
  logger: createLogger,
});
