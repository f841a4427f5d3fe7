import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStoreHealth, documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { StoreError } from '../../../functions/ports/store.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('document'));
});
afterAll(() => client?.destroy());

describe('the document client of the store adapters', () => {
  it('drops undefined values instead of refusing the item', async () => {
    const doc = documentClient(client);
    await doc.send(new PutCommand({ TableName: table, Item: { PK: 'X', SK: 'Y', kept: 1, dropped: undefined } }));
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { PK: 'X', SK: 'Y' } }));
    expect(Item).toEqual({ PK: 'X', SK: 'Y', kept: 1 });
  });
});

describe('the store’s health', () => {
  it('answers when the table does, and says StoreError when it does not', async () => {
    const doc = documentClient(client);
    await expect(new DynamoStoreHealth(doc, table).ping()).resolves.toBeUndefined();
    await expect(new DynamoStoreHealth(doc, `${table}-missing`).ping()).rejects.toBeInstanceOf(StoreError);
  });
});
