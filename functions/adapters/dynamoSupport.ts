import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
  type ScanCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { StoreError } from '../ports/store.ts';
import { mapLimit } from '../shared/mapLimit.ts';

/** What the DynamoDB adapters share: typed errors with their cause, condition checks, paging, batch reads. */
export type Item = Record<string, unknown>;

export const storeCall = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
  try {
    return await op();
  } catch (cause) {
    throw new StoreError(`DynamoDB ${what} failed`, { cause });
  }
};

export const isConditionFailure = (err: unknown): boolean =>
  (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/** A transaction cancelled because one of its conditions failed (not throttling or a conflict of another kind). */
/** A cancelled transaction with at least one of these reasons. */
const cancelledWith = (err: unknown, codes: readonly string[]): boolean =>
  (err as { name?: string } | null)?.name === 'TransactionCanceledException' &&
  ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) =>
    codes.includes(r.Code ?? ''),
  );

export const isCancelledByCondition = (err: unknown): boolean => cancelledWith(err, ['ConditionalCheckFailed']);

/** A cancelled transaction that was refused, not broken: a condition failed or another transaction held an item. */
export const isRefusedTransaction = (err: unknown): boolean =>
  cancelledWith(err, ['ConditionalCheckFailed', 'TransactionConflict']);

/** Optimistic locking: the item is absent (null) or still at the version that was read. */
export const versionGuard = (expectedVersion: number | null) =>
  expectedVersion === null
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : {
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': expectedVersion },
      };

/** A bureau's decision on a pending item (an application, a filing): its status, reason, who and when. */
export interface PendingDecision {
  readonly status: string;
  readonly reason: string | null;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/**
 * Decides an item still `pending`: its `status` and the copy kept under `attribute` take the decision.
 * `notPending` (and nothing written) when it is absent or already decided; other failures are thrown.
 */
export const decidePending = async (
  doc: DynamoDBDocumentClient,
  table: string,
  key: Item,
  attribute: string,
  d: PendingDecision,
): Promise<'decided' | 'notPending' | { readonly failed: unknown }> => {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: `SET #s = :status, #a.#s = :status, #a.reason = :reason, #a.decidedBy = :by, #a.decidedAt = :at`,
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status', '#a': attribute },
        ExpressionAttributeValues: {
          ':status': d.status,
          ':reason': d.reason,
          ':by': d.decidedBy,
          ':at': d.decidedAt,
          ':pending': 'pending',
        },
      }),
    );
    return 'decided';
  } catch (cause) {
    return isConditionFailure(cause) ? 'notPending' : { failed: cause };
  }
};

/** A Query or a Scan, as the SDK's paginators take them. */
export type PagedRead = ({ kind: 'query' } & QueryCommandInput) | ({ kind: 'scan' } & ScanCommandInput);

/**
 * The pages of a Query or Scan, by the SDK's paginators (`paginateQuery`/`paginateScan` follow
 * LastEvaluatedKey); a failure is a StoreError. Stop early by leaving the loop.
 */
export async function* pagesOf(doc: DynamoDBDocumentClient, read: PagedRead): AsyncGenerator<Item[]> {
  const { kind, ...input } = read;
  // The paginators write the start key into their input: each read gets its own copy.
  const pages =
    kind === 'query'
      ? paginateQuery({ client: doc }, { ...(input as QueryCommandInput) })
      : paginateScan({ client: doc }, { ...(input as ScanCommandInput) });
  const it = pages[Symbol.asyncIterator]();
  for (;;) {
    const next = await storeCall(kind, () => it.next());
    if (next.done) return;
    yield (next.value.Items as Item[] | undefined) ?? [];
  }
}

/** Every item of a Query or Scan, over all its pages. */
export const readAll = async (doc: DynamoDBDocumentClient, read: PagedRead): Promise<Item[]> => {
  const items: Item[] = [];
  for await (const page of pagesOf(doc, read)) items.push(...page);
  return items;
};

/** Every item of partition `pk` whose sort key begins with `prefix`, read consistently, all pages. */
export const readPrefix = (doc: DynamoDBDocumentClient, table: string, pk: string, prefix: string): Promise<Item[]> =>
  readAll(doc, {
    kind: 'query',
    TableName: table,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
    ConsistentRead: true,
  });

export interface BatchGetOptions {
  readonly consistentRead?: boolean;
  /** Requests of one call under way at once. */
  readonly parallel?: number;
  /** Requests of one chunk before its keys left unprocessed are an error. */
  readonly maxAttempts?: number;
  /** First back-off ceiling; it doubles per attempt up to 2 s, and the wait is drawn below it (full jitter). */
  readonly baseDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BatchGet of any number of keys, 100 to a request (DynamoDB's limit). DynamoDB may answer part of
 * a request and hand back the rest as UnprocessedKeys (throttling, 16 MB responses): those are asked
 * again after an exponential back-off with full jitter, as AWS recommends for batch operations. The
 * items come in no particular order; keys without an item are simply absent.
 */
export const batchGetAll = async (
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Item[],
  options: BatchGetOptions = {},
): Promise<Item[]> => {
  const { consistentRead = true, parallel = 5, maxAttempts = 8, baseDelayMs = 50 } = options;
  const chunks: Item[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const results = await mapLimit(chunks, parallel, async (chunk) => {
    const out: Item[] = [];
    let left: Item[] = chunk;
    for (let attempt = 0; left.length > 0; attempt++) {
      if (attempt >= maxAttempts)
        throw new StoreError(`DynamoDB BatchGet left ${left.length} keys unprocessed after ${maxAttempts} attempts`);
      if (attempt > 0) await sleep(Math.random() * Math.min(2000, baseDelayMs * 2 ** (attempt - 1)));
      const keysNow = left;
      const r = await storeCall('BatchGet', () =>
        doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keysNow, ConsistentRead: consistentRead } } })),
      );
      out.push(...((r.Responses?.[table] as Item[] | undefined) ?? []));
      left = (r.UnprocessedKeys?.[table]?.Keys as Item[] | undefined) ?? [];
    }
    return out;
  });
  return results.flat();
};
