import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCycleStore } from '../../adapters/dynamoCycleStore.ts';
import { DynamoCreditStore } from '../../adapters/dynamoStore.ts';
import { requireEnv } from '../../shared/env.ts';

let client: DynamoDBClient | undefined;
const dynamo = (): DynamoDBClient => (client ??= new DynamoDBClient({}));

export const creditStore = (): DynamoCreditStore => new DynamoCreditStore(dynamo(), requireEnv('table'));
export const cycleStore = (): DynamoCycleStore => new DynamoCycleStore(dynamo(), requireEnv('table'));
