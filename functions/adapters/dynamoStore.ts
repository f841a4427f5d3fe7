import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { JURISDICTION_CODES } from '../../domain/identifiers/leagues.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { RecordMessage } from '../ports/messages.ts';
import {
  type AuditEntry,
  type CreditStore,
  type EventClaim,
  type ExplanationSet,
  type LifecycleClaim,
  type LifecycleField,
  type OutboxKey,
  type PendingEntry,
  type PublishedGradeItem,
  type PublishedSummary,
  type RepairApplication,
  type Reservation,
  type StaffLink,
  type StoredProfile,
  type StoredRecord,
  type StoredSnapshot,
  StoreError,
  type StuckEntry,
  type SubjectCommit,
  type SubjectPartition,
  type SubjectRef,
} from '../ports/store.ts';
import { DynamoClaims } from './dynamoClaims.ts';
import { DynamoResults, type PreparedResult } from './dynamoResults.ts';
import {
  batchGetAll,
  type Item,
  isCancelledByCondition,
  isConditionFailure,
  readAll,
  storeCall,
  versionGuard,
} from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** Keys of the single table, from the one key module (docs/storage.md). */
export { keys };

/** Results are stored as JSON text: the order of their fields is kept, and the item stays small. */
const encodeResult = <T extends { result: unknown }>(x: T) => ({ ...x, result: JSON.stringify(x.result) });
const decodeResult = <T>(x: unknown): T | null => {
  if (x === undefined || x === null) return null;
  const o = x as { result: unknown };
  return { ...o, result: typeof o.result === 'string' ? JSON.parse(o.result) : o.result } as T;
};

/**
 * The record store on DynamoDB (single table). Takes its SDK client in the constructor; conditions
 * guard every write that could race (docs/storage.md "Consistency").
 */
export class DynamoCreditStore implements CreditStore {
  private readonly doc: DynamoDBDocumentClient;
  /** Event claims and their outbox (docs/ingestion.md). */
  private readonly claims: DynamoClaims;
  /** Results (snapshots, published results) of any size (docs/storage.md "Big subjects"). */
  private readonly results: DynamoResults;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
    this.claims = new DynamoClaims(this.doc, table);
    this.results = new DynamoResults(this.doc, table);
  }

  private run<T>(what: string, op: () => Promise<T>): Promise<T> {
    return storeCall(what, op);
  }

  async ping(): Promise<void> {
    await this.run('ping', () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.health, SK: keys.health } })),
    );
  }

  // --- event claims (webhook) ---------------------------------------------------------------

  getClaims(eventIds: readonly string[]): Promise<Map<string, EventClaim>> {
    return this.claims.getClaims(eventIds);
  }

  claimEvent(claim: EventClaim): Promise<boolean> {
    return this.claims.claimEvent(claim);
  }

  claimLifecycle(
    eventId: string,
    field: LifecycleField,
    on: string,
    outbox?: { message: RecordMessage; at: string },
  ): Promise<LifecycleClaim> {
    return this.claims.claimLifecycle(eventId, field, on, outbox);
  }

  reserveClaims(delivery: string, reservations: readonly Reservation[], at: string) {
    return this.claims.reserveClaims(delivery, reservations, at);
  }

  commitDelivery(delivery: string, at: string): Promise<boolean> {
    return this.claims.commitDelivery(delivery, at);
  }

  abortDelivery(delivery: string, eventIds: readonly string[], at: string): Promise<void> {
    return this.claims.abortDelivery(delivery, eventIds, at);
  }

  settleReservation(eventId: string, delivery: string, at: string): Promise<'committed' | 'rolledBack'> {
    return this.claims.settleReservation(eventId, delivery, at);
  }

  outboxMessage(key: OutboxKey) {
    return this.claims.outboxMessage(key);
  }

  pendingEntries(before: string, limit: number): Promise<PendingEntry[]> {
    return this.claims.pendingEntries(before, limit);
  }

  markRequeued(key: OutboxKey, attempts: number, at: string): Promise<void> {
    return this.claims.markRequeued(key, attempts, at);
  }

  recordFailure(key: OutboxKey, error: string): Promise<number> {
    return this.claims.recordFailure(key, error);
  }

  setAside(key: OutboxKey, error: string, at: string, keepError = false): Promise<void> {
    return this.claims.setAside(key, error, at, keepError);
  }

  stuckEntries(): Promise<StuckEntry[]> {
    return this.claims.stuckEntries();
  }

  redrive(eventId: string, at: string): Promise<RecordMessage[]> {
    return this.claims.redrive(eventId, at);
  }

  /** Pending and stuck outbox entries (progress and metrics). */
  outboxCounts(): Promise<{ pending: number; stuck: number }> {
    return this.claims.counts();
  }

  async auditRefusal(entry: AuditEntry): Promise<void> {
    await this.run('Put', () => this.doc.send(new PutCommand({ TableName: this.table, Item: this.auditItem(entry) })));
  }

  // --- subjects --------------------------------------------------------------------------------

  async loadSubject(subject: SubjectRef): Promise<SubjectPartition> {
    // A big snapshot's explanation is read from its parts; when a newer write replaced them meanwhile, read again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const partition = await this.readPartition(subject);
      if (partition) return partition;
    }
    throw new StoreError(`DynamoDB snapshots of ${subject.kind}:${subject.id} kept changing while read`);
  }

  private async readPartition(subject: SubjectRef): Promise<SubjectPartition | null> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.subject(subject) },
      ConsistentRead: true,
    });
    let profile: StoredProfile | null = null;
    const records: StoredRecord[] = [];
    const staff: StaffLink[] = [];
    const snapshots: StoredSnapshot[] = [];
    const published: PublishedSummary[] = [];
    const repairs: RepairApplication[] = [];
    for (const item of items) {
      const sk = item.SK as string;
      if (sk === keys.profile) profile = item.profile as StoredProfile;
      else if (sk.startsWith(keys.recordPrefix)) records.push(item.stored as StoredRecord);
      else if (sk.startsWith(keys.staffPrefix)) staff.push(item.link as StaffLink);
      else if (sk.startsWith(keys.snapshotPrefix)) {
        const snapshot = await this.snapshotOf(subject, item);
        if (!snapshot) return null;
        snapshots.push(snapshot);
      } else if (sk.startsWith(keys.publishedPrefix)) {
        const { result: _, ...summary } = item.published as PublishedGradeItem;
        published.push(summary);
      } else if (sk.startsWith(keys.repairPrefix)) repairs.push(item.application as RepairApplication);
    }
    return { profile, records, staff, snapshots, published, repairs };
  }

  async loadRecords(eventIds: readonly string[]): Promise<Map<string, CreditRecord>> {
    const claims = await this.getClaims(eventIds);
    const out = new Map<string, CreditRecord>();
    const wanted = [...claims.values()].filter((c) => c.applied);
    const items = await batchGetAll(
      this.doc,
      this.table,
      wanted.map((c) => ({ PK: keys.subject(c.subject), SK: keys.record(c.eventId) })),
    );
    for (const item of items) {
      const stored = item.stored as StoredRecord;
      out.set(stored.record.eventId, stored.record);
    }
    return out;
  }

  async commitSubject(change: SubjectCommit): Promise<boolean> {
    const pk = keys.subject(change.subject);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
    if (change.newRecord) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            PK: pk,
            SK: keys.record(change.newRecord.record.eventId),
            stored: change.newRecord,
            contentHash: change.newRecord.contentHash,
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
          Item: this.profileItem(change.profileIfAbsent),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    // A big explanation's parts are written before the transaction that points to them.
    const prepared = await Promise.all(
      change.snapshots.map(async ({ snapshot, expectedVersion }) => ({
        snapshot,
        expectedVersion,
        ready: await this.results.prepare(
          change.subject,
          'SNAPSHOT',
          snapshot.year,
          snapshot.version,
          snapshot.result,
          snapshot.explanation,
        ),
      })),
    );
    for (const { snapshot, expectedVersion, ready } of prepared) {
      items.push({
        Put: {
          TableName: this.table,
          Item: this.snapshotItem(change.subject, snapshot, ready),
          ...versionGuard(expectedVersion),
        },
      });
    }
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
    }
    for (const entry of change.audit) items.push({ Put: { TableName: this.table, Item: this.auditItem(entry) } });
    if (items.length === 0) return true;
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (!isCancelledByCondition(err)) throw new StoreError('DynamoDB transaction failed', { cause: err });
      // Certainly not written (a condition failed): the parts written for it go.
      for (const { snapshot, ready } of prepared)
        if (ready.written) await this.results.discard(change.subject, 'SNAPSHOT', snapshot.year, ready.written);
      return false;
    }
    for (const { snapshot, ready } of prepared)
      if (ready.explanation || snapshot.explanation)
        await this.results.sweep(
          change.subject,
          'SNAPSHOT',
          snapshot.year,
          snapshot.version,
          ready.explanation?.id ?? null,
        );
    return true;
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

  async putStaffLink(agency: SubjectRef, link: StaffLink): Promise<boolean> {
    const r = await this.run('Put', () =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: keys.subject(agency), SK: keys.staff(link.practitionerId), link },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    return JSON.stringify(r.Attributes?.link ?? null) !== JSON.stringify(link);
  }

  async deleteStaffLink(agency: SubjectRef, practitionerId: string): Promise<void> {
    await this.run('Delete', () =>
      this.doc.send(
        new DeleteCommand({ TableName: this.table, Key: { PK: keys.subject(agency), SK: keys.staff(practitionerId) } }),
      ),
    );
  }

  // --- lookups ----------------------------------------------------------------------------------

  /** One GetItem for the score; a big explanation is then read from its parts (docs/storage.md #1). */
  getSnapshot(subject: SubjectRef, year: number): Promise<StoredSnapshot | null> {
    return this.readResult(
      (consistent) => this.getItem({ PK: keys.subject(subject), SK: keys.snapshot(year) }, consistent),
      (item) => this.snapshotOf(subject, item),
    );
  }

  getPublished(subject: SubjectRef, year: number): Promise<PublishedGradeItem | null> {
    return this.readResult(
      (consistent) => this.getItem({ PK: keys.subject(subject), SK: keys.published(year) }, consistent),
      (item) => this.publishedOf(subject, item),
    );
  }

  latestPublished(subject: SubjectRef): Promise<PublishedGradeItem | null> {
    const latest = async (consistent: boolean) => {
      const r = await this.run('Query', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
            ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': keys.publishedPrefix },
            ScanIndexForward: false,
            Limit: 1,
            ...(consistent ? { ConsistentRead: true } : {}),
          }),
        ),
      );
      return r.Items?.[0] as Item | undefined;
    };
    return this.readResult(latest, (item) => this.publishedOf(subject, item));
  }

  /**
   * Writes the original publication of a result (again: harmless) unless the result was re-issued
   * since (Art 23): false then, and the re-issue stays.
   */
  putPublished(subject: SubjectRef, item: PublishedGradeItem): Promise<boolean> {
    return this.writePublished(subject, item, { issue: 1, expectedIssue: 1 });
  }

  private async getItem(key: Item, consistent: boolean): Promise<Item | undefined> {
    const r = await this.run('Get', () =>
      this.doc.send(
        new GetCommand({ TableName: this.table, Key: key, ...(consistent ? { ConsistentRead: true } : {}) }),
      ),
    );
    return r.Item as Item | undefined;
  }

  /** Reads a result's item, then its parts; when the parts were replaced meanwhile, reads the item again (consistently). */
  private async readResult<T>(
    read: (consistent: boolean) => Promise<Item | undefined>,
    decode: (item: Item) => Promise<T | null>,
  ): Promise<T | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const item = await read(attempt > 0);
      if (!item) return null;
      const out = await decode(item);
      if (out) return out;
    }
    throw new StoreError('DynamoDB result kept changing while read');
  }

  private async snapshotOf(subject: SubjectRef, item: Item): Promise<StoredSnapshot | null> {
    const snapshot = decodeResult<StoredSnapshot>(item.snapshot)!;
    const set = item.explanation as ExplanationSet | undefined;
    if (!set) return snapshot;
    const result = await this.results.assemble(subject, 'SNAPSHOT', snapshot.year, snapshot.result, set);
    return result ? { ...snapshot, result, explanation: set } : null;
  }

  private async publishedOf(subject: SubjectRef, item: Item): Promise<PublishedGradeItem | null> {
    const published = decodeResult<PublishedGradeItem>(item.published)!;
    const set = item.explanation as ExplanationSet | undefined;
    if (!set) return published;
    const result = await this.results.assemble(subject, 'PUBLISHED', published.year, published.result, set);
    return result ? { ...published, result } : null;
  }

  async getProfile(subject: SubjectRef): Promise<StoredProfile | null> {
    const r = await this.run('Get', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(subject), SK: keys.profile },
          ConsistentRead: true,
        }),
      ),
    );
    return (r.Item?.profile as StoredProfile | undefined) ?? null;
  }

  putProfile(profile: StoredProfile, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return this.putVersioned('profile', this.profileItem(profile), expectedVersion, audit);
  }

  async auditOf(subject: SubjectRef): Promise<AuditEntry[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit(subject) },
    });
    return items.map((i) => i.entry as AuditEntry);
  }

  async repairApplications(subject: SubjectRef): Promise<RepairApplication[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': keys.repairPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => i.application as RepairApplication);
  }

  putRepairApplication(app: RepairApplication, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return this.putVersioned(
      'repair application',
      { PK: keys.subject(app.subject), SK: keys.repair(app.id), application: app, version: app.version },
      expectedVersion,
      audit,
    );
  }

  /** A versioned item and its audit entry in one transaction; false when the version moved meanwhile. */
  private async putVersioned(
    what: string,
    item: Item,
    expectedVersion: number | null,
    audit: AuditEntry,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: item, ...versionGuard(expectedVersion) } },
            { Put: { TableName: this.table, Item: this.auditItem(audit) } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (isCancelledByCondition(err)) return false;
      throw new StoreError(`DynamoDB ${what} write failed`, { cause: err });
    }
  }

  /**
   * Every subject, by the league index of their profiles (docs/storage.md #10, #13): one Query per
   * league and kind (and `none` for practitioners without a league), split into segments so the
   * planner can read them in parallel — never a Scan of every record.
   */
  async listSubjects(segment: number, totalSegments: number): Promise<SubjectRef[]> {
    const partitions = [...JURISDICTION_CODES, null].flatMap((league) =>
      SUBJECT_KINDS.map((kind) => keys.league(league, kind)),
    );
    const mine = partitions.filter((_, i) => i % totalSegments === segment);
    const out: SubjectRef[] = [];
    for (const partition of mine) {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': partition },
        ProjectionExpression: 'PK',
      });
      for (const item of items) out.push(keys.subjectOf(item.PK as string));
    }
    return out;
  }

  // --- items ------------------------------------------------------------------------------------

  private profileItem(profile: StoredProfile): Item {
    const s = profile.subject;
    return {
      PK: keys.subject(s),
      SK: keys.profile,
      profile,
      version: profile.version,
      GSI1PK: keys.league('league' in s && s.league ? s.league : null, s.kind),
      GSI1SK: keys.leagueSort(s.id),
    };
  }

  /** The snapshot's item: its result whole, or its head with a pointer to its explanation's parts. */
  private snapshotItem(subject: SubjectRef, snapshot: StoredSnapshot, ready: PreparedResult): Item {
    const r = snapshot.result as { grade?: string | null; dishonest?: boolean | null; subject: { league?: string } };
    const grade = subject.kind === 'practitioner' ? (r.dishonest ? 'DISHONEST' : 'NONE') : (r.grade ?? 'NONE');
    const { explanation: _, ...kept } = snapshot;
    return {
      PK: keys.subject(subject),
      SK: keys.snapshot(snapshot.year),
      snapshot: encodeResult({ ...kept, result: ready.result }),
      ...(ready.explanation ? { explanation: ready.explanation } : {}),
      version: snapshot.version,
      GSI1PK: keys.yearLeague(snapshot.year, r.subject.league),
      GSI1SK: keys.gradeSort(grade, subject),
    };
  }

  private auditItem(entry: AuditEntry): Item {
    return { PK: keys.audit(entry.subject), SK: keys.auditEntry(entry.at, randomUUID()), entry };
  }

  // --- re-issue of a published result (Art 23) --------------------------------------------------

  /**
   * Replaces a published result by its re-issue while its issue (`issue`, absent: the original, 1)
   * is the one expected, with its audit entry in the same transaction.
   */
  reissuePublished(
    subject: SubjectRef,
    item: PublishedGradeItem,
    issue: number,
    expectedIssue: number,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.writePublished(subject, item, { issue, expectedIssue, audit });
  }

  /**
   * Writes a published result while its stored issue is `expectedIssue` (an original publication
   * may also create it), guarded by the item's version so that racing writers never leave it
   * pointing to parts another removed: a big explanation's parts are prepared first, discarded only
   * when the write certainly failed (a condition), swept of older sets once it succeeded. Any other
   * error may come after the write committed (a timeout): the parts stay, the item may use them.
   */
  private async writePublished(
    subject: SubjectRef,
    item: PublishedGradeItem,
    w: { issue: number; expectedIssue: number; audit?: AuditEntry },
  ): Promise<boolean> {
    const key = { PK: keys.subject(subject), SK: keys.published(item.year) };
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.getItem(key, true);
      if (current ? ((current.issue as number | undefined) ?? 1) !== w.expectedIssue : w.audit !== undefined)
        return false;
      const read = current ? ((current.version as number | undefined) ?? 0) : null;
      const version = (read ?? 0) + 1;
      const previous = current?.explanation as ExplanationSet | undefined;
      const ready = await this.results.prepare(subject, 'PUBLISHED', item.year, version, item.result, previous);
      const stored = {
        ...key,
        published: encodeResult({ ...item, result: ready.result }),
        version,
        ...(w.issue > 1 ? { issue: w.issue } : {}),
        ...(ready.explanation ? { explanation: ready.explanation } : {}),
      };
      const issueHeld = w.expectedIssue === 1 ? '(attribute_not_exists(#i) OR #i = :i)' : '#i = :i';
      const guard =
        read === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : read === 0
            ? {
                ConditionExpression: `attribute_exists(PK) AND attribute_not_exists(#v) AND ${issueHeld}`,
                ExpressionAttributeNames: { '#v': 'version', '#i': 'issue' },
                ExpressionAttributeValues: { ':i': w.expectedIssue },
              }
            : {
                ConditionExpression: `#v = :v AND ${issueHeld}`,
                ExpressionAttributeNames: { '#v': 'version', '#i': 'issue' },
                ExpressionAttributeValues: { ':v': read, ':i': w.expectedIssue },
              };
      try {
        if (w.audit)
          await this.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: this.table, Item: stored, ...guard } },
                { Put: { TableName: this.table, Item: this.auditItem(w.audit) } },
              ],
            }),
          );
        else await this.doc.send(new PutCommand({ TableName: this.table, Item: stored, ...guard }));
      } catch (err) {
        if (!(w.audit ? isCancelledByCondition(err) : isConditionFailure(err)))
          throw new StoreError(`DynamoDB published result ${w.audit ? 're-issue' : 'write'} failed`, { cause: err });
        // Certainly not written: its parts go; read the issue again.
        if (ready.written) await this.results.discard(subject, 'PUBLISHED', item.year, ready.written);
        continue;
      }
      if (ready.explanation || previous)
        await this.results.sweep(subject, 'PUBLISHED', item.year, version, ready.explanation?.id ?? null);
      return true;
    }
    throw new StoreError(
      `DynamoDB published result of ${subject.kind}:${subject.id} for ${item.year} kept changing while written`,
    );
  }
}
