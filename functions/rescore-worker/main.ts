// Composition root of `rescore-worker` on AWS Lambda.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsJsonQueue } from '../adapters/sqsJsonQueue.ts';
import type { PushBatch } from '../ports/creditPlatform.ts';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { createRescoreWorkerHandler } from './handler.ts';
import { RescoreSubjects } from './rescoreSubjects.ts';
import { PublishResults } from '../publication/publishResults.ts';

const store = new DynamoCreditStore(new DynamoDBClient({}), requireEnv(ENV.table));
const pushQueue = new SqsJsonQueue<PushBatch>(new SQSClient({}), requireEnv(ENV.pushQueueUrl));
const publication = new PublishResults(store, (batch) => pushQueue.send([batch]));
export const handler = createRescoreWorkerHandler(new RescoreSubjects(store, systemClock), createLogger('rescore-worker'), undefined, publication);
