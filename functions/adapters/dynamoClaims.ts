import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RecordMessage } from '../ports/messages.ts';
import {
  type EventClaim,
  type LifecycleClaim,
  type LifecycleField,
  type OutboxKey,
  type PendingEntry,
  type Reservation,
  StoreError,
  type StuckEntry,
} from '../ports/store.ts';
import { mapLimit } from '../shared/mapLimit.ts';
import {
  batchGetAll,
  type Item,
  isCancelledByCondition,
  isConditionFailure,
  pagesOf,
  readAll,
  storeCall,
} from './dynamoSupport.ts';
import { keys } from './keys.ts';

/**
 * Event claims and their transactional outbox on DynamoDB (docs/ingestion.md, docs/storage.md).
 *
 * - `EVENT#<eventId> / EVENT`: the claim of a created record, carrying its message. A delivery
 *   writes its claims `reserved` with its id, then commits by writing `DELIVERY#<id>` once
 *   (conditionally: a sweeper or a later delivery may have rolled it back first). A reserved claim
 *   counts as committed exactly when its delivery item says `committed`.
 * - `EVENT#<eventId> / LIFECYCLE#<field>`: a webhook lifecycle change, carrying its message.
 * - Unapplied entries carry `GSI2PK = PENDING#<shard>`, `GSI2SK = <since>#<eventId>#<entry>` (a
 *   sparse index: applied entries drop the attributes); set-aside ones `GSI2PK = STUCK`.
 */
export const PENDING_SHARDS = 4;
const WRITE_CONCURRENCY = 32;
/** DynamoDB's limit of items in one TransactWriteItems. */
const TRANSACTION_ITEMS = 100;

const eventKey = keys.event;
const entrySk = (k: OutboxKey) => (k.entry === 'created' ? keys.eventClaim : keys.lifecycle(k.entry));
const keyOf = (k: OutboxKey) => ({ PK: eventKey(k.eventId), SK: entrySk(k) });
const deliveryKey = (d: string) => ({ PK: keys.delivery(d), SK: keys.deliveryItem });
const shardOf = (eventId: string) => keys.pendingShardOf(eventId, PENDING_SHARDS);
const pendingIndex = (k: OutboxKey, since: string) => ({
  GSI2PK: shardOf(k.eventId),
  GSI2SK: keys.pendingSort(since, k.eventId, k.entry),
});
const entryOfSk = (sk: string): OutboxKey['entry'] =>
  sk === keys.eventClaim ? 'created' : (keys.lifecycleFieldOf(sk) as OutboxKey['entry']);
const decodeMessage = (raw: unknown): RecordMessage | null =>
  typeof raw === 'string' ? (JSON.parse(raw) as RecordMessage) : null;

export class DynamoClaims {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** BatchGet of any number of keys, unprocessed keys retried with back-off (dynamoSupport.ts). */
  private batchGet(keys: Item[]): Promise<Item[]> {
    return batchGetAll(this.doc, this.table, keys);
  }

  private async deliveryOutcomes(deliveries: readonly string[]): Promise<Map<string, string>> {
    const items = await this.batchGet([...new Set(deliveries)].map(deliveryKey));
    return new Map(items.map((i) => [keys.deliveryIdOf(i.PK as string), i.outcome as string]));
  }

  private claimOf(item: Item): EventClaim {
    return {
      ...(item.claim as EventClaim),
      applied: item.applied === true,
      rectifiedOn: (item.rectifiedOn as string | null) ?? null,
      revokedOn: (item.revokedOn as string | null) ?? null,
    };
  }

  /** Claims by eventId; a reservation of a committed delivery is a claim, one of a delivery in progress is `inDoubt`, a rolled-back one absent. */
  async getClaims(eventIds: readonly string[]): Promise<Map<string, EventClaim>> {
    const items = await this.batchGet([...new Set(eventIds)].map((id) => ({ PK: eventKey(id), SK: keys.eventClaim })));
    const reserved = items.filter((i) => i.state === 'reserved' && i.applied !== true);
    const outcomes =
      reserved.length > 0
        ? await this.deliveryOutcomes(reserved.map((i) => i.delivery as string))
        : new Map<string, string>();
    const out = new Map<string, EventClaim>();
    for (const item of items) {
      const claim = this.claimOf(item);
      if (item.state === 'reserved' && item.applied !== true) {
        const outcome = outcomes.get(item.delivery as string);
        if (outcome === 'aborted') continue;
        if (outcome !== 'committed') {
          out.set(claim.eventId, {
            ...claim,
            inDoubt: { delivery: item.delivery as string, reservedAt: item.reservedAt as string },
          });
          continue;
        }
      }
      out.set(claim.eventId, claim);
    }
    return out;
  }

  /** A claim written at once as committed, without a message (kept for stores filled by other means). */
  async claimEvent(claim: EventClaim): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: eventKey(claim.eventId),
            SK: keys.eventClaim,
            claim,
            rectifiedOn: claim.rectifiedOn,
            revokedOn: claim.revokedOn,
            applied: false,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw new StoreError('DynamoDB claim failed', { cause: err });
    }
  }

  private reservationItem(delivery: string, r: Reservation, at: string) {
    const key: OutboxKey = { eventId: r.claim.eventId, entry: 'created' };
    return {
      TableName: this.table,
      Item: {
        ...keyOf(key),
        claim: { ...r.claim, applied: false },
        rectifiedOn: r.claim.rectifiedOn,
        revokedOn: r.claim.revokedOn,
        applied: false,
        state: 'reserved',
        delivery,
        reservedAt: at,
        league: r.league,
        source: r.claim.source,
        subject: r.claim.subject,
        message: JSON.stringify(r.message),
        attempts: 0,
        ...pendingIndex(key, at),
      },
      // New, or already ours (a retried write).
      ConditionExpression: 'attribute_not_exists(PK) OR (#s = :reserved AND #d = :d)',
      ExpressionAttributeNames: { '#s': 'state', '#d': 'delivery' },
      ExpressionAttributeValues: { ':reserved': 'reserved', ':d': delivery },
    };
  }

  /**
   * Reservations are written 100 to a transaction (one request instead of a hundred), chunks in
   * parallel. A transaction cancelled by a condition names the items at fault: those are blocked,
   * and the rest of the chunk is written again without them.
   */
  async reserveClaims(
    delivery: string,
    reservations: readonly Reservation[],
    at: string,
  ): Promise<{ reserved: string[]; blocked: string[] }> {
    const reserved: string[] = [];
    const blocked: string[] = [];
    const chunks: Reservation[][] = [];
    for (let i = 0; i < reservations.length; i += TRANSACTION_ITEMS)
      chunks.push(reservations.slice(i, i + TRANSACTION_ITEMS));
    await mapLimit(chunks, 5, async (chunk) => {
      let left = chunk;
      for (let attempt = 0; left.length > 0; attempt++) {
        try {
          if (left.length === 1) await this.doc.send(new PutCommand(this.reservationItem(delivery, left[0]!, at)));
          else
            await this.doc.send(
              new TransactWriteCommand({
                TransactItems: left.map((r) => ({ Put: this.reservationItem(delivery, r, at) })),
              }),
            );
          reserved.push(...left.map((r) => r.claim.eventId));
          return;
        } catch (err) {
          if (left.length === 1 && isConditionFailure(err)) {
            blocked.push(left[0]!.claim.eventId);
            return;
          }
          const reasons =
            (err as { name?: string; CancellationReasons?: { Code?: string }[] }).name ===
            'TransactionCanceledException'
              ? ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [])
              : null;
          if (!reasons || attempt >= 20) throw new StoreError('DynamoDB claim reservation failed', { cause: err });
          const failed = new Set(
            left.filter((_, k) => reasons[k]?.Code === 'ConditionalCheckFailed').map((r) => r.claim.eventId),
          );
          blocked.push(...failed);
          left = left.filter((r) => !failed.has(r.claim.eventId));
          // Another transaction on the same items at the same moment: try again shortly.
          if (failed.size === 0) await new Promise((res) => setTimeout(res, 10 + Math.random() * 40 * (attempt + 1)));
        }
      }
    });
    return { reserved, blocked };
  }

  /** Writes a delivery's outcome once; returns the outcome that stands. */
  private async decide(delivery: string, outcome: 'committed' | 'aborted', at: string): Promise<string> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...deliveryKey(delivery), outcome, at },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return outcome;
    } catch (err) {
      if (!isConditionFailure(err)) throw new StoreError('DynamoDB delivery outcome write failed', { cause: err });
      const r = await storeCall('Get', () =>
        this.doc.send(new GetCommand({ TableName: this.table, Key: deliveryKey(delivery), ConsistentRead: true })),
      );
      return r.Item?.outcome as string;
    }
  }

  async commitDelivery(delivery: string, at: string): Promise<boolean> {
    return (await this.decide(delivery, 'committed', at)) === 'committed';
  }

  private async removeReservation(eventId: string, delivery: string): Promise<void> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { PK: eventKey(eventId), SK: keys.eventClaim },
          ConditionExpression: '#s = :reserved AND #d = :d',
          ExpressionAttributeNames: { '#s': 'state', '#d': 'delivery' },
          ExpressionAttributeValues: { ':reserved': 'reserved', ':d': delivery },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw new StoreError('DynamoDB reservation removal failed', { cause: err });
    }
  }

  async abortDelivery(delivery: string, eventIds: readonly string[], at: string): Promise<void> {
    if ((await this.decide(delivery, 'aborted', at)) !== 'aborted')
      throw new StoreError(`delivery ${delivery} is committed; it cannot be rolled back`);
    await mapLimit(eventIds, WRITE_CONCURRENCY, (id) => this.removeReservation(id, delivery));
  }

  async settleReservation(eventId: string, delivery: string, at: string): Promise<'committed' | 'rolledBack'> {
    const outcome = await this.decide(delivery, 'aborted', at);
    if (outcome === 'committed') return 'committed';
    await this.removeReservation(eventId, delivery);
    return 'rolledBack';
  }

  async claimLifecycle(
    eventId: string,
    field: LifecycleField,
    on: string,
    outbox?: { message: RecordMessage; at: string },
  ): Promise<LifecycleClaim> {
    const key = { PK: eventKey(eventId), SK: keys.eventClaim };
    const read = async () =>
      (
        await storeCall('Get', () =>
          this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
        )
      ).Item;
    const before = await read();
    if (!before) return { outcome: 'unknown' };
    const current = before[field] as string | null | undefined;
    if (current != null) return { outcome: current === on ? 'duplicate' : 'conflict', claim: this.claimOf(before) };
    const update = {
      TableName: this.table,
      Key: key,
      UpdateExpression: 'SET #f = :on',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#f) OR attribute_type(#f, :nullType))',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':on': on, ':nullType': 'NULL' },
    };
    try {
      if (outbox && field !== 'repairedOn') {
        const entryKey: OutboxKey = { eventId, entry: field };
        const claim = this.claimOf(before);
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: update },
              {
                Put: {
                  TableName: this.table,
                  Item: {
                    ...keyOf(entryKey),
                    message: JSON.stringify(outbox.message),
                    applied: false,
                    attempts: 0,
                    since: outbox.at,
                    league: (before.league as string | null | undefined) ?? null,
                    source: claim.source,
                    subject: claim.subject,
                    ...pendingIndex(entryKey, outbox.at),
                  },
                },
              },
            ],
          }),
        );
      } else await this.doc.send(new UpdateCommand(update));
      return { outcome: 'claimed', claim: { ...this.claimOf(before), [field]: on } };
    } catch (err) {
      if (!isConditionFailure(err) && !isCancelledByCondition(err))
        throw new StoreError('DynamoDB lifecycle claim failed', { cause: err });
      const after = await read();
      if (!after) return { outcome: 'unknown' };
      return { outcome: after[field] === on ? 'duplicate' : 'conflict', claim: this.claimOf(after) };
    }
  }

  async outboxMessage(
    key: OutboxKey,
  ): Promise<{ message: RecordMessage | null; applied: boolean; stuck: boolean } | null> {
    const r = await storeCall('Get', () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: keyOf(key), ConsistentRead: true })),
    );
    if (!r.Item) return null;
    return {
      message: decodeMessage(r.Item.message),
      applied: r.Item.applied === true,
      stuck: r.Item.GSI2PK === keys.stuck,
    };
  }

  async pendingEntries(before: string, limit: number): Promise<PendingEntry[]> {
    const out: PendingEntry[] = [];
    for (let shard = 0; shard < PENDING_SHARDS; shard++) {
      const pages = pagesOf(this.doc, {
        kind: 'query',
        TableName: this.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :p AND GSI2SK < :b',
        ExpressionAttributeValues: { ':p': keys.pendingShard(shard), ':b': keys.until(before) },
        Limit: Math.max(1, limit - out.length),
      });
      for await (const page of pages) {
        for (const item of page) {
          if (item.applied === true || out.length >= limit) continue;
          const eventId = keys.eventIdOf(item.PK as string);
          out.push({
            key: { eventId, entry: entryOfSk(item.SK as string) },
            message: decodeMessage(item.message),
            attempts: Number(item.attempts ?? 0),
            since: keys.sinceOf(item.GSI2SK as string),
            reservedBy: item.state === 'reserved' ? (item.delivery as string) : null,
          });
        }
        if (out.length >= limit) break;
      }
      if (out.length >= limit) break;
    }
    return out.sort((a, b) => a.since.localeCompare(b.since));
  }

  private async updateUnapplied(
    key: OutboxKey,
    expression: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
    alsoCondition?: string,
  ): Promise<Item | undefined> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keyOf(key),
          UpdateExpression: expression,
          ConditionExpression: `attribute_exists(PK) AND #applied = :false${alsoCondition ? ` AND ${alsoCondition}` : ''}`,
          ExpressionAttributeNames: { ...names, '#applied': 'applied' },
          ExpressionAttributeValues: { ...values, ':false': false },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return r.Attributes as Item | undefined;
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw new StoreError('DynamoDB outbox update failed', { cause: err });
    }
  }

  async markRequeued(key: OutboxKey, attempts: number, at: string): Promise<void> {
    const index = pendingIndex(key, at);
    await this.updateUnapplied(
      key,
      'SET #a = :a, GSI2PK = :pk, GSI2SK = :sk, #s = :committed',
      { '#a': 'attempts', '#s': 'state' },
      { ':a': attempts, ':pk': index.GSI2PK, ':sk': index.GSI2SK, ':committed': 'committed' },
    );
  }

  async recordFailure(key: OutboxKey, error: string): Promise<number> {
    const item = await this.updateUnapplied(
      key,
      'SET #e = :e ADD #a :one',
      { '#e': 'lastError', '#a': 'attempts' },
      { ':e': error.slice(0, 2000), ':one': 1 },
    );
    return Number(item?.attempts ?? 0);
  }

  /** Sets an entry aside once: one already in the stuck list keeps its cause and its time (a redelivery sets nothing again). */
  async setAside(key: OutboxKey, error: string, at: string, keepError = false): Promise<void> {
    await this.updateUnapplied(
      key,
      `SET #e = ${keepError ? 'if_not_exists(#e, :e)' : ':e'}, GSI2PK = :stuck, GSI2SK = :sk, #st = :at`,
      { '#e': 'lastError', '#st': 'stuckAt' },
      {
        ':e': error.slice(0, 2000),
        ':stuck': keys.stuck,
        ':sk': keys.pendingSort(at, key.eventId, key.entry),
        ':at': at,
      },
      '(attribute_not_exists(GSI2PK) OR GSI2PK <> :stuck)',
    );
  }

  async stuckEntries(): Promise<StuckEntry[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :p',
      ExpressionAttributeValues: { ':p': keys.stuck },
    });
    return items
      .filter((i) => i.applied !== true)
      .map((i) => ({
        key: { eventId: keys.eventIdOf(i.PK as string), entry: entryOfSk(i.SK as string) },
        subject: (i.subject ?? (i.claim as EventClaim | undefined)?.subject) as StuckEntry['subject'],
        league: (i.league as string | null | undefined) ?? null,
        source: (i.source as string | undefined) ?? '',
        attempts: Number(i.attempts ?? 0),
        error: (i.lastError as string | undefined) ?? '',
        since: (i.stuckAt as string | undefined) ?? '',
      }));
  }

  async redrive(eventId: string, at: string): Promise<RecordMessage[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': eventKey(eventId) },
      ConsistentRead: true,
    });
    const out: RecordMessage[] = [];
    for (const item of items) {
      if (item.GSI2PK !== keys.stuck || item.applied === true) continue;
      const key: OutboxKey = { eventId, entry: entryOfSk(item.SK as string) };
      const index = pendingIndex(key, at);
      const updated = await this.updateUnapplied(
        key,
        'SET #a = :zero, GSI2PK = :pk, GSI2SK = :sk REMOVE #st',
        { '#a': 'attempts', '#st': 'stuckAt' },
        { ':zero': 0, ':pk': index.GSI2PK, ':sk': index.GSI2SK },
      );
      const message = decodeMessage(updated?.message);
      if (message) out.push(message);
    }
    return out;
  }

  /** Pending and stuck counts (the local runtime's progress route and the sweeper's metric). */
  async counts(): Promise<{ pending: number; stuck: number }> {
    let pending = 0;
    for (let shard = 0; shard < PENDING_SHARDS; shard++)
      pending += (
        await readAll(this.doc, {
          kind: 'query',
          TableName: this.table,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :p',
          ExpressionAttributeValues: { ':p': keys.pendingShard(shard) },
          ProjectionExpression: 'PK',
        })
      ).length;
    const stuck = (
      await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :p',
        ExpressionAttributeValues: { ':p': keys.stuck },
        ProjectionExpression: 'PK',
      })
    ).length;
    return { pending, stuck };
  }
}
