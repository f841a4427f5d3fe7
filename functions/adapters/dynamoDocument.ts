import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreHealth } from '../ports/store.ts';
import { storeCall } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** The document client every store adapter of the single table uses (undefined values dropped, classes refused). */
export const documentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

/** The table answers: one GetItem (`GET /v1/health`). */
export class DynamoStoreHealth implements StoreHealth {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async ping(): Promise<void> {
    await storeCall('ping', () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.health, SK: keys.health } })),
    );
  }
}
