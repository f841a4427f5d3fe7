// Composition root of `ingest-worker` on AWS Lambda.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { SqsRecordQueue } from '../adapters/sqsRecordQueue.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { ApplyRecordMessage } from './applyRecordMessage.ts';
import { createIngestWorkerHandler } from './handler.ts';

const store = new DynamoCreditStore(new DynamoDBClient({}), requireEnv(ENV.table));
const queue = new SqsRecordQueue(new SQSClient({}), requireEnv(ENV.recordsQueueUrl));
export const handler = createIngestWorkerHandler(new ApplyRecordMessage(store, queue, systemClock), createLogger('ingest-worker'));
