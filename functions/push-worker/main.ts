// Composition root of `push-worker` on AWS Lambda (the push queue's consumer).
import { creditPlatform } from '../composition/aws/creditPlatform.ts';
import { composePushWorker } from '../composition/pushWorker.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composePushWorker({
  creditPlatform: creditPlatform(createLogger('push-worker')),
  logger: createLogger,
});
