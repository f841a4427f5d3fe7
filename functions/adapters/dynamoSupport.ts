import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { StoreError } from '../ports/store.ts';

/** What the DynamoDB adapters share: typed errors with their cause, condition checks, paging. */
export type Item = Record<string, unknown>;

export const storeCall = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
  try {
    return await op();
  } catch (cause) {
    throw new StoreError(`DynamoDB ${what} failed`, { cause });
  }
};

export const isConditionFailure = (err: unknown): boolean => (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/** A transaction cancelled because one of its conditions failed (not throttling or a conflict of another kind). */
export const isCancelledByCondition = (err: unknown): boolean =>
  (err as { name?: string } | null)?.name === 'TransactionCanceledException' &&
  ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');

/** Optimistic locking: the item is absent (null) or still at the version that was read. */
export const versionGuard = (expectedVersion: number | null) =>
  expectedVersion === null
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } };

/** Every item of a Query or Scan, following LastEvaluatedKey. */
export const readAll = async (doc: DynamoDBDocumentClient, input: ({ kind: 'query' } & QueryCommandInput) | ({ kind: 'scan' } & ScanCommandInput)): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const { kind, ...rest } = input;
    const page = await storeCall(kind, () =>
      kind === 'query' ? doc.send(new QueryCommand({ ...(rest as QueryCommandInput), ExclusiveStartKey: start })) : doc.send(new ScanCommand({ ...(rest as ScanCommandInput), ExclusiveStartKey: start })),
    );
    items.push(...((page.Items as Item[] | undefined) ?? []));
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  return items;
};
