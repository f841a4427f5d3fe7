// Composition root of `register-subject` on AWS Lambda (behind the API's JWT authorizer).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { SqsRecordQueue } from '../adapters/sqsRecordQueue.ts';
import { JwksTokenVerifier } from '../adapters/tokenVerifiers.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { createRegisterSubjectHandler } from './handler.ts';
import { RegisterSubject } from './registerSubject.ts';

const store = new DynamoCreditStore(new DynamoDBClient({}), requireEnv(ENV.table));
const queue = new SqsRecordQueue(new SQSClient({}), requireEnv(ENV.recordsQueueUrl));
const verifier = new JwksTokenVerifier(requireEnv(ENV.jwtIssuer), requireEnv(ENV.jwtAudience));
export const handler = createRegisterSubjectHandler(new RegisterSubject(store, queue, systemClock), verifier, createLogger('register-subject'));
