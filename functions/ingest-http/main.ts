// Composition root of `ingest-http` on AWS Lambda.
import { auditLog, claimStore, profiles } from '../composition/aws/dynamo.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { webhookSecrets } from '../composition/aws/webhookSecrets.ts';
import { composeIngestHttp } from '../composition/ingestHttp.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeIngestHttp({
  store: joinPorts(claimStore(), auditLog(), profiles()),
  recordQueue: recordQueue(),
  webhookSecrets: webhookSecrets(),
  clock: systemClock,
  logger: createLogger,
});
