import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  batchGetAll,
  isCancelledByCondition,
  isRefusedTransaction,
  pagesOf,
  readAll,
} from '../../../functions/adapters/dynamoSupport.ts';
import { StoreError } from '../../../functions/ports/store.ts';
import { freshTable } from '../../support/table.ts';

/** Paging and batch reads of the DynamoDB adapters, on real DynamoDB Local. */
let client: DynamoDBClient;
let table: string;
let doc: DynamoDBDocumentClient;
/** Requests sent, by command name. */
let sent: string[] = [];
/** BatchGet answers to cut: each cut answer hands back all but its first `keep` items as UnprocessedKeys. */
let cut = { answers: 0, keep: 0 };

type Attr = Record<string, unknown>;
beforeAll(async () => {
  ({ client, table } = await freshTable('support'));
  // DynamoDB Local never throttles: a middleware makes it answer part of a BatchGet, as DynamoDB may.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '');
      const result = await next(args);
      const output = result.output as {
        Responses?: Record<string, Attr[]>;
        UnprocessedKeys?: Record<string, { Keys: Attr[] }>;
      };
      if (context.commandName === 'BatchGetItemCommand' && cut.answers > 0 && output.Responses?.[table]) {
        cut.answers--;
        const items = output.Responses[table]!;
        output.Responses[table] = items.slice(0, cut.keep);
        output.UnprocessedKeys = { [table]: { Keys: items.slice(cut.keep).map((i) => ({ PK: i.PK, SK: i.SK })) } };
      }
      return result;
    },
    { step: 'build', name: 'partialBatchGet' },
  );
  doc = DynamoDBDocumentClient.from(client);
  const items = Array.from({ length: 250 }, (_, i) => ({ PK: 'PAGED', SK: String(i).padStart(4, '0'), n: i }));
  for (let i = 0; i < items.length; i += 25)
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  // About 1.5 MB in one partition: more than one Query answer holds (1 MB).
  const big = 'x'.repeat(100_000);
  for (let i = 0; i < 15; i += 5)
    await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [table]: Array.from({ length: 5 }, (_, j) => ({
            PutRequest: { Item: { PK: 'BIG', SK: String(i + j).padStart(2, '0'), big } },
          })),
        },
      }),
    );
});
beforeEach(() => {
  sent = [];
  cut = { answers: 0, keep: 0 };
});
afterAll(() => client?.destroy());

const keysOf = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({ PK: 'PAGED', SK: String(from + i).padStart(4, '0') }));

describe('reading every page of a Query or Scan', () => {
  it('follows LastEvaluatedKey to the last page', async () => {
    const items = await readAll(doc, {
      kind: 'query',
      TableName: table,
      KeyConditionExpression: 'PK = :p',
      ExpressionAttributeValues: { ':p': 'PAGED' },
      Limit: 40,
    });
    expect(items.map((i) => i.n)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(sent.filter((c) => c === 'QueryCommand')).toHaveLength(7);
  });

  it('reads past the 1 MB a single answer holds', async () => {
    const items = await readAll(doc, {
      kind: 'query',
      TableName: table,
      KeyConditionExpression: 'PK = :p',
      ExpressionAttributeValues: { ':p': 'BIG' },
    });
    expect(items).toHaveLength(15);
    expect(sent.filter((c) => c === 'QueryCommand').length).toBeGreaterThan(1);
  });

  it('scans every page too', async () => {
    const items = await readAll(doc, { kind: 'scan', TableName: table, Limit: 100 });
    expect(items).toHaveLength(265);
  });

  it('stops reading when the caller leaves the loop', async () => {
    let seen = 0;
    for await (const page of pagesOf(doc, {
      kind: 'query',
      TableName: table,
      KeyConditionExpression: 'PK = :p',
      ExpressionAttributeValues: { ':p': 'PAGED' },
      Limit: 10,
    })) {
      seen += page.length;
      if (seen >= 20) break;
    }
    expect(seen).toBe(20);
    expect(sent.filter((c) => c === 'QueryCommand')).toHaveLength(2);
  });

  it('a failed read is a StoreError with its cause', async () => {
    const err = await readAll(doc, {
      kind: 'query',
      TableName: `${table}-missing`,
      KeyConditionExpression: 'PK = :p',
      ExpressionAttributeValues: { ':p': 'PAGED' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).cause).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('BatchGet of any number of keys', () => {
  it('reads 100 keys to a request', async () => {
    const items = await batchGetAll(doc, table, keysOf(0, 250));
    expect(items.map((i) => i.n as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(sent.filter((c) => c === 'BatchGetItemCommand')).toHaveLength(3);
  });

  it('asks again for the keys DynamoDB left unprocessed, until every item is read', async () => {
    cut = { answers: 4, keep: 10 };
    const items = await batchGetAll(doc, table, keysOf(0, 100), { baseDelayMs: 1 });
    expect(items.map((i) => i.n as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(sent.filter((c) => c === 'BatchGetItemCommand')).toHaveLength(5);
  });

  it('keys without an item are absent from the answer', async () => {
    const items = await batchGetAll(doc, table, [...keysOf(0, 2), { PK: 'PAGED', SK: 'nothing' }]);
    expect(items.map((i) => i.n)).toHaveLength(2);
  });

  it('gives up with a StoreError when keys stay unprocessed', async () => {
    cut = { answers: 100, keep: 0 };
    await expect(batchGetAll(doc, table, keysOf(0, 5), { baseDelayMs: 1, maxAttempts: 3 })).rejects.toThrow(
      /5 keys unprocessed after 3 attempts/,
    );
    expect(sent.filter((c) => c === 'BatchGetItemCommand')).toHaveLength(3);
  });

  it('no keys, no request', async () => {
    expect(await batchGetAll(doc, table, [])).toEqual([]);
    expect(sent).toEqual([]);
  });
});

describe('why a transaction was cancelled', () => {
  const failureOf = async (items: NonNullable<TransactWriteCommandInput['TransactItems']>) =>
    doc.send(new TransactWriteCommand({ TransactItems: items })).then(
      () => null,
      (err: unknown) => err,
    );

  it('a failed condition is refused (read again and retry), by either test', async () => {
    const err = await failureOf([
      { Put: { TableName: table, Item: { PK: 'TX#1', SK: 'A' }, ConditionExpression: 'attribute_exists(PK)' } },
    ]);
    expect(isCancelledByCondition(err)).toBe(true);
    expect(isRefusedTransaction(err)).toBe(true);
  });

  it('a transaction DynamoDB rejects outright (two writes of one item) is neither', async () => {
    const err = await failureOf([
      { Put: { TableName: table, Item: { PK: 'TX#2', SK: 'A' } } },
      { Put: { TableName: table, Item: { PK: 'TX#2', SK: 'A', n: 1 } } },
    ]);
    expect(err).not.toBeNull();
    expect(isCancelledByCondition(err)).toBe(false);
    expect(isRefusedTransaction(err)).toBe(false);
  });
});
