import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsJsonQueue } from '../../adapters/sqsJsonQueue.ts';
import { SqsRecordQueue } from '../../adapters/sqsRecordQueue.ts';
import type { PushBatch } from '../../ports/creditPlatform.ts';
import { requireEnv } from '../../shared/env.ts';

let client: SQSClient | undefined;
const sqs = (): SQSClient => (client ??= new SQSClient({}));

export const recordQueue = (): SqsRecordQueue => new SqsRecordQueue(sqs(), requireEnv('recordsQueueUrl'));
export const rescoreQueue = (): SqsJsonQueue<unknown> =>
  new SqsJsonQueue<unknown>(sqs(), requireEnv('rescoreQueueUrl'));
export const pushQueue = (): SqsJsonQueue<PushBatch> => new SqsJsonQueue<PushBatch>(sqs(), requireEnv('pushQueueUrl'));
