// Composition root of `health` on AWS Lambda.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createHealthHandler } from './handler.ts';

export const handler = createHealthHandler(new DynamoCreditStore(new DynamoDBClient({}), requireEnv(ENV.table)));
