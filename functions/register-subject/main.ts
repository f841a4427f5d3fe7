// Composition root of `register-subject` on AWS Lambda (behind the API's JWT authorizer).
import { creditStore } from '../composition/aws/dynamo.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { tokenVerifier } from '../composition/aws/tokenVerifier.ts';
import { composeRegisterSubject } from '../composition/registerSubject.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeRegisterSubject({
  store: creditStore(),
  recordQueue: recordQueue(),
  tokenVerifier: tokenVerifier(),
  clock: systemClock,
  logger: createLogger,
});
