// Composition root of `ingest-http` on AWS Lambda.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { SqsRecordQueue } from '../adapters/sqsRecordQueue.ts';
import { SecretsManagerWebhookSecrets } from '../adapters/webhookSecrets.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { AcceptDelivery } from './acceptDelivery.ts';
import { createIngestHttpHandler } from './handler.ts';

const store = new DynamoCreditStore(new DynamoDBClient({}), requireEnv(ENV.table));
const queue = new SqsRecordQueue(new SQSClient({}), requireEnv(ENV.recordsQueueUrl));
const secrets = new SecretsManagerWebhookSecrets(new SecretsManagerClient({}), requireEnv(ENV.webhookSecretsArn));
export const handler = createIngestHttpHandler(new AcceptDelivery(secrets, store, queue, systemClock), createLogger('ingest-http'));
