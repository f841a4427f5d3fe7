import { DeleteCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  type AuditEntry,
  type GroupCommitOutcome,
  type SnapshotCommit,
  type SnapshotGroupStore,
  type StaffLink,
  type StoredSnapshot,
  StoreError,
  type SubjectBatchCommit,
  type SubjectBatchCommitted,
  type SubjectBatchStore,
  type SubjectCommit,
  type SubjectRecordStore,
  type SubjectRef,
} from '../ports/store.ts';
import { auditItem } from './dynamoAudit.ts';
import { profileItem } from './dynamoProfiles.ts';
import { snapshotItem } from './dynamoResultItems.ts';
import type { DynamoResults } from './dynamoResults.ts';
import { DynamoSubjectReader } from './dynamoSubjectReader.ts';
import {
  isCancelledByCondition,
  isConditionFailure,
  isRefusedTransaction,
  readAll,
  storeCall,
  versionGuard,
} from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** The action of a record's creation in the audit trail. */
export const RECORD_CREATED = 'record.created';
/** The audit entry of a record's creation, stored on the record's own item. */
export const isCreationOf =
  (eventId: string) =>
  (entry: AuditEntry): boolean =>
    entry.action === RECORD_CREATED && entry.what.eventId === eventId;

/**
 * A subject's partition on DynamoDB: its profile, records, staff links, snapshots, published grades
 * and repair applications, read with one Query and changed in one transaction guarded by conditions
 * (docs/storage.md "Consistency"); and the references across subjects (I4).
 */
/** DynamoDB's limits of one TransactWriteItems: items, and bytes (with room for the request's own keys). */
export const MAX_TRANSACTION_ITEMS = 100;
const MAX_TRANSACTION_BYTES = 3.5 * 1024 * 1024;

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
/** Snapshots with their explanation parts written ahead of the transaction (`snapshotPuts`). */
type Prepared = readonly {
  readonly snapshot: StoredSnapshot;
  readonly ready: Awaited<ReturnType<DynamoResults['prepare']>>;
}[];

export class DynamoSubjectRecords
  extends DynamoSubjectReader
  implements SubjectRecordStore, SubjectBatchStore, SnapshotGroupStore
{
  async commitSubject(change: SubjectCommit): Promise<boolean | 'cited'> {
    const pk = keys.subject(change.subject);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
    // The new record's own audit entry is kept on the record's item: one item fewer per record
    // (docs/storage.md "Items"); DynamoAuditLog reads it back with the rest of the trail.
    const ownEntry = change.newRecord ? change.audit.find(isCreationOf(change.newRecord.record.eventId)) : undefined;
    if (change.newRecord) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            PK: pk,
            SK: keys.record(change.newRecord.record.eventId),
            stored: change.newRecord,
            contentHash: change.newRecord.contentHash,
            ...(ownEntry ? { audit: ownEntry } : {}),
          },
          // The record is absent, or already there identically (a redelivery).
          ConditionExpression: 'attribute_not_exists(PK) OR #h = :h',
          ExpressionAttributeNames: { '#h': 'contentHash' },
          ExpressionAttributeValues: { ':h': change.newRecord.contentHash },
        },
      });
    }
    if (change.recordUpdate) {
      const { eventId, field, on } = change.recordUpdate;
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: pk, SK: keys.record(eventId) },
          UpdateExpression: 'SET #s.#r.#f = :on',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_type(#s.#r.#f, :nullType) OR #s.#r.#f = :on)',
          ExpressionAttributeNames: { '#s': 'stored', '#r': 'record', '#f': field },
          ExpressionAttributeValues: { ':on': on, ':nullType': 'NULL' },
        },
      });
    }
    if (change.profileIfAbsent) {
      items.push({
        Put: {
          TableName: this.table,
          Item: profileItem(change.profileIfAbsent),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    const { puts, prepared } = await this.snapshotPuts(change.subject, change.snapshots);
    items.push(...puts);
    if (change.eventApplied) {
      // Applied: the claim leaves the outbox (its message and its place in the pending index).
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: keys.event(change.eventApplied), SK: keys.eventClaim },
          UpdateExpression: 'SET #a = :t, #c.#a = :t REMOVE GSI2PK, GSI2SK, #m',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#a': 'applied', '#c': 'claim', '#m': 'message' },
          ExpressionAttributeValues: { ':t': true },
        },
      });
    }
    if (change.lifecycleApplied) {
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: keys.event(change.lifecycleApplied.eventId), SK: keys.lifecycle(change.lifecycleApplied.field) },
          UpdateExpression: 'SET #a = :t REMOVE GSI2PK, GSI2SK, #m',
          ExpressionAttributeNames: { '#a': 'applied', '#m': 'message' },
          ExpressionAttributeValues: { ':t': true },
        },
      });
    }
    if (change.reference) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            PK: keys.event(change.reference.clientEventId),
            SK: keys.referencedBy(change.subject, change.reference.eventId),
            agency: change.subject,
          },
        },
      });
      // The cited event's marker, which its own commits check (`citationCheck`).
      items.push({
        Put: {
          TableName: this.table,
          Item: { PK: keys.event(change.reference.clientEventId), SK: keys.cited },
        },
      });
    }
    for (const entry of change.audit)
      if (entry !== ownEntry) items.push({ Put: { TableName: this.table, Item: auditItem(entry) } });
    if (items.length === 0) return true;
    // Not cited (the common case): the check rides in the transaction, no request of its own.
    const check = change.citationCheck
      ? items.push({
          ConditionCheck: {
            TableName: this.table,
            Key: { PK: keys.event(change.citationCheck), SK: keys.cited },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        }) - 1
      : -1;
    let cited = false;
    for (;;) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
        break;
      } catch (err) {
        if (!isCancelledByCondition(err)) throw new StoreError('DynamoDB transaction failed', { cause: err });
        const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        const onlyCitation =
          check >= 0 && !cited && reasons.every((r, i) => (i === check) === (r.Code === 'ConditionalCheckFailed'));
        if (onlyCitation) {
          // Cited: the same change again without the check (nothing of it was written); say so.
          cited = true;
          items.splice(check, 1);
          continue;
        }
        // Certainly not written (a condition failed): the parts written for it go.
        await this.discardPrepared(change.subject, prepared);
        return false;
      }
    }
    await this.sweepPrepared(change.subject, prepared);
    return cited ? 'cited' : true;
  }

  /**
   * Several subjects' snapshots in as few transactions as fit (100 items, 4 MB each): a nightly run's
   * first night writes every subject's snapshots, one request per group instead of one per subject
   * (docs/storage.md "Consistency"). Every snapshot keeps its own version guard, so a group is written
   * whole or not at all; a refused group's subjects are answered `refused` (each is then committed
   * alone after reading it again), and the other groups are not affected.
   */
  async commitSnapshotGroup(changes: readonly SnapshotCommit[]): Promise<GroupCommitOutcome[]> {
    const outcomes: GroupCommitOutcome[] = new Array(changes.length);
    let group: { index: number; items: TransactItems; prepared: Prepared; subject: SubjectRef }[] = [];
    let items = 0;
    let bytes = 0;
    const flush = async () => {
      if (group.length === 0) return;
      const members = group;
      group = [];
      items = 0;
      bytes = 0;
      let outcome: GroupCommitOutcome;
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: members.flatMap((m) => m.items) }));
        outcome = { status: 'written' };
      } catch (err) {
        outcome = isRefusedTransaction(err)
          ? { status: 'refused' }
          : { status: 'failed', error: new StoreError('DynamoDB transaction failed', { cause: err }) };
      }
      for (const m of members) {
        if (outcome.status === 'written') await this.sweepPrepared(m.subject, m.prepared);
        else if (outcome.status === 'refused') await this.discardPrepared(m.subject, m.prepared);
        outcomes[m.index] = outcome;
      }
    };
    for (const [index, change] of changes.entries()) {
      let ready: Awaited<ReturnType<DynamoSubjectRecords['snapshotPuts']>>;
      try {
        ready = await this.snapshotPuts(change.subject, change.snapshots);
      } catch (err) {
        // A big explanation's parts could not be written: this subject fails alone.
        outcomes[index] = { status: 'failed', error: new StoreError('DynamoDB write failed', { cause: err }) };
        continue;
      }
      const { puts, prepared } = ready;
      const own: TransactItems = [
        ...puts,
        ...change.audit.map((entry) => ({ Put: { TableName: this.table, Item: auditItem(entry) } })),
      ];
      const size = Buffer.byteLength(JSON.stringify(own));
      if (items + own.length > MAX_TRANSACTION_ITEMS || bytes + size > MAX_TRANSACTION_BYTES) await flush();
      group.push({ index, items: own, prepared, subject: change.subject });
      items += own.length;
      bytes += size;
    }
    await flush();
    return outcomes;
  }

  /**
   * Several messages of one subject in one transaction: every record item and claim once (a record
   * created and changed in the same batch is written as it ends), the snapshots once for all of them,
   * and the citation checks of every changed event (I4). 'tooLarge' before anything is written when
   * it would not fit in one transaction.
   */
  /** The snapshots' puts, each guarded by the version read; a big explanation's parts are written first. */
  private async snapshotPuts(subject: SubjectRef, snapshots: SubjectCommit['snapshots']) {
    const prepared = await Promise.all(
      snapshots.map(async ({ snapshot, expectedVersion }) => ({
        snapshot,
        expectedVersion,
        ready: await this.results.prepare(
          subject,
          'SNAPSHOT',
          snapshot.year,
          snapshot.version,
          snapshot.result,
          snapshot.explanation,
        ),
      })),
    );
    const puts: TransactItems = prepared.map(({ snapshot, expectedVersion, ready }) => ({
      Put: {
        TableName: this.table,
        Item: snapshotItem(subject, snapshot, ready),
        ...versionGuard(expectedVersion),
      },
    }));
    return { puts, prepared };
  }

  /** After a refused transaction: the explanation parts written for its snapshots go. */
  private async discardPrepared(subject: SubjectRef, prepared: Prepared): Promise<void> {
    for (const { snapshot, ready } of prepared)
      if (ready.written) await this.results.discard(subject, 'SNAPSHOT', snapshot.year, ready.written);
  }

  /** After a committed transaction: the explanation parts no snapshot points to any more go. */
  private async sweepPrepared(subject: SubjectRef, prepared: Prepared): Promise<void> {
    for (const { snapshot, ready } of prepared)
      if (ready.explanation || snapshot.explanation)
        await this.results.sweep(subject, 'SNAPSHOT', snapshot.year, snapshot.version, ready.explanation?.id ?? null);
  }

  async commitSubjectBatch(change: SubjectBatchCommit): Promise<SubjectBatchCommitted> {
    const pk = keys.subject(change.subject);
    const items: TransactItems = [];
    const folded = new Set<AuditEntry>();
    for (const stored of change.newRecords) {
      const ownEntry = change.audit.find(isCreationOf(stored.record.eventId));
      if (ownEntry) folded.add(ownEntry);
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            PK: pk,
            SK: keys.record(stored.record.eventId),
            stored,
            contentHash: stored.contentHash,
            ...(ownEntry ? { audit: ownEntry } : {}),
          },
          ConditionExpression: 'attribute_not_exists(PK) OR #h = :h',
          ExpressionAttributeNames: { '#h': 'contentHash' },
          ExpressionAttributeValues: { ':h': stored.contentHash },
        },
      });
    }
    for (const { eventId, fields } of change.recordUpdates) {
      const set: string[] = [];
      const conditions = ['attribute_exists(PK)'];
      const names: Record<string, string> = { '#s': 'stored', '#r': 'record' };
      const values: Record<string, unknown> = { ':nullType': 'NULL' };
      Object.entries(fields).forEach(([field, on], i) => {
        names[`#f${i}`] = field;
        values[`:on${i}`] = on;
        set.push(`#s.#r.#f${i} = :on${i}`);
        conditions.push(`(attribute_type(#s.#r.#f${i}, :nullType) OR #s.#r.#f${i} = :on${i})`);
      });
      if (set.length === 0) continue;
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: pk, SK: keys.record(eventId) },
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      });
    }
    if (change.profileIfAbsent)
      items.push({
        Put: {
          TableName: this.table,
          Item: profileItem(change.profileIfAbsent),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    for (const eventId of new Set(change.eventsApplied))
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: keys.event(eventId), SK: keys.eventClaim },
          UpdateExpression: 'SET #a = :t, #c.#a = :t REMOVE GSI2PK, GSI2SK, #m',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#a': 'applied', '#c': 'claim', '#m': 'message' },
          ExpressionAttributeValues: { ':t': true },
        },
      });
    const lifecycles = new Map(change.lifecyclesApplied.map((l) => [`${l.eventId}#${l.field}`, l]));
    for (const { eventId, field } of lifecycles.values())
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: keys.event(eventId), SK: keys.lifecycle(field) },
          UpdateExpression: 'SET #a = :t REMOVE GSI2PK, GSI2SK, #m',
          ExpressionAttributeNames: { '#a': 'applied', '#m': 'message' },
          ExpressionAttributeValues: { ':t': true },
        },
      });
    const markers = new Set<string>();
    for (const reference of change.references) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            PK: keys.event(reference.clientEventId),
            SK: keys.referencedBy(change.subject, reference.eventId),
            agency: change.subject,
          },
        },
      });
      if (!markers.has(reference.clientEventId))
        items.push({
          Put: { TableName: this.table, Item: { PK: keys.event(reference.clientEventId), SK: keys.cited } },
        });
      markers.add(reference.clientEventId);
    }
    for (const entry of change.audit)
      if (!folded.has(entry)) items.push({ Put: { TableName: this.table, Item: auditItem(entry) } });
    // An event whose marker this same transaction writes is cited; the others are checked in it.
    const cited = new Set([...new Set(change.citationChecks)].filter((id) => markers.has(id)));
    const checks = [...new Set(change.citationChecks)].filter((id) => !markers.has(id));
    if (items.length + change.snapshots.length + checks.length > MAX_TRANSACTION_ITEMS) return { status: 'tooLarge' };
    if (Buffer.byteLength(JSON.stringify(items)) > MAX_TRANSACTION_BYTES) return { status: 'tooLarge' };
    if (items.length === 0 && change.snapshots.length === 0) return { status: 'committed', cited };

    const { puts, prepared } = await this.snapshotPuts(change.subject, change.snapshots);
    items.push(...puts);
    let checked = checks;
    for (;;) {
      const transactItems: TransactItems = [
        ...items,
        ...checked.map((id) => ({
          ConditionCheck: {
            TableName: this.table,
            Key: { PK: keys.event(id), SK: keys.cited },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
      ];
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: transactItems }));
        break;
      } catch (err) {
        if (!isCancelledByCondition(err)) throw new StoreError('DynamoDB transaction failed', { cause: err });
        const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
        const onlyCitations =
          checked.length > 0 && items.every((_, i) => !failed(i)) && checked.some((_, j) => failed(items.length + j));
        if (onlyCitations) {
          // Cited: the same change again without those checks (nothing of it was written); say so.
          const citedNow = checked.filter((_, j) => failed(items.length + j));
          for (const id of citedNow) cited.add(id);
          checked = checked.filter((id) => !cited.has(id));
          continue;
        }
        // Certainly not written (a condition failed): the parts written for it go.
        await this.discardPrepared(change.subject, prepared);
        return { status: 'refused' };
      }
    }
    await this.sweepPrepared(change.subject, prepared);
    return { status: 'committed', cited };
  }

  async referencesTo(eventId: string): Promise<SubjectRef[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.event(eventId), ':p': keys.referencedByPrefix },
    });
    const seen = new Map<string, SubjectRef>();
    for (const item of items) {
      const agency = item.agency as SubjectRef;
      seen.set(`${agency.kind}:${agency.id}`, agency);
    }
    return [...seen.values()];
  }

  /**
   * Written only when it changed: the item keeps the link's canonical JSON, and the write is refused
   * by its condition when that is the same, so an unchanged link writes nothing (a nightly run
   * rewrites no staff link it has already written).
   */
  async putStaffLink(agency: SubjectRef, link: StaffLink): Promise<boolean> {
    const canonical = JSON.stringify({
      practitionerId: link.practitionerId,
      firstCountedOn: Object.fromEntries(Object.entries(link.firstCountedOn).sort(([a], [b]) => a.localeCompare(b))),
    });
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: keys.subject(agency), SK: keys.staff(link.practitionerId), link, linkJson: canonical },
          ConditionExpression: 'attribute_not_exists(#j) OR #j <> :j',
          ExpressionAttributeNames: { '#j': 'linkJson' },
          ExpressionAttributeValues: { ':j': canonical },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw new StoreError('DynamoDB Put failed', { cause: err });
    }
  }

  async deleteStaffLink(agency: SubjectRef, practitionerId: string): Promise<void> {
    await storeCall('Delete', () =>
      this.doc.send(
        new DeleteCommand({ TableName: this.table, Key: { PK: keys.subject(agency), SK: keys.staff(practitionerId) } }),
      ),
    );
  }
}
