import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createTable } from '../../infra/local/provision.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services.ts';

/** A new table of the design on the shared DynamoDB Local, for one test file. */
export const freshTable = async (prefix: string): Promise<{ client: DynamoDBClient; table: string }> => {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const table = `${prefix}-${randomUUID().slice(0, 8)}`;
  await createTable(client, table);
  return { client, table };
};
