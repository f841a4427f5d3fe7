import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { JURISDICTION_CODES } from '../../domain/identifiers/leagues.ts';
import {
  type AuditEntry, type CreditStore, type RepairApplication, type EventClaim, type LifecycleClaim, type LifecycleField, type PublishedGradeItem, type StaffLink,
  StoreError, type StoredProfile, type StoredRecord, type StoredSnapshot, type SubjectCommit, type SubjectPartition, type SubjectRef,
} from '../ports/store.ts';

/** Keys of the single table (docs/storage.md). */
export const keys = {
  subject: (s: SubjectRef) => `SUBJECT#${s.kind}#${s.id}`,
  event: (eventId: string) => `EVENT#${eventId}`,
  audit: (s: SubjectRef) => `AUDIT#SUBJECT#${s.kind}#${s.id}`,
  record: (eventId: string) => `RECORD#${eventId}`,
  snapshot: (year: number) => `SNAPSHOT#${year}`,
  published: (year: number) => `PUBLISHED#${year}`,
  staff: (practitionerId: string) => `STAFF#${practitionerId}`,
  referencedBy: (agency: SubjectRef, eventId: string) => `REFERENCED_BY#${agency.kind}#${agency.id}#${eventId}`,
};

import { isCancelledByCondition, isConditionFailure, type Item, readAll, storeCall, versionGuard } from './dynamoSupport.ts';

/** Results are stored as JSON text: the order of their fields is kept, and the item stays small. */
const encodeResult = <T extends { result: unknown }>(x: T) => ({ ...x, result: JSON.stringify(x.result) });
const decodeResult = <T>(x: unknown): T | null => {
  if (x === undefined || x === null) return null;
  const o = x as { result: unknown };
  return { ...o, result: typeof o.result === 'string' ? JSON.parse(o.result) : o.result } as T;
};

const subjectOfKey = (key: string): SubjectRef => {
  const [, kind, id] = key.split('#');
  return { kind: kind as SubjectRef['kind'], id: id! };
};

/**
 * The record store on DynamoDB (single table). Takes its SDK client in the constructor; conditions
 * guard every write that could race (docs/storage.md "Consistency").
 */
export class DynamoCreditStore implements CreditStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  }

  private run<T>(what: string, op: () => Promise<T>): Promise<T> {
    return storeCall(what, op);
  }

  async ping(): Promise<void> {
    await this.run('ping', () => this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: 'HEALTH', SK: 'HEALTH' } })));
  }

  // --- event claims (webhook) ---------------------------------------------------------------

  async getClaims(eventIds: readonly string[]): Promise<Map<string, EventClaim>> {
    const out = new Map<string, EventClaim>();
    const unique = [...new Set(eventIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let keysLeft: Item[] = unique.slice(i, i + 100).map((id) => ({ PK: keys.event(id), SK: 'EVENT' }));
      for (let attempt = 0; keysLeft.length > 0 && attempt < 10; attempt++) {
        const r = await this.run('BatchGet', () => this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keysLeft, ConsistentRead: true } } })));
        for (const item of r.Responses?.[this.table] ?? []) {
          const claim = item.claim as EventClaim;
          out.set(claim.eventId, claim);
        }
        keysLeft = (r.UnprocessedKeys?.[this.table]?.Keys as Item[] | undefined) ?? [];
      }
      if (keysLeft.length > 0) throw new StoreError('DynamoDB BatchGet left keys unprocessed');
    }
    return out;
  }

  async claimEvent(claim: EventClaim): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: keys.event(claim.eventId), SK: 'EVENT', claim, rectifiedOn: claim.rectifiedOn, revokedOn: claim.revokedOn, applied: false },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw new StoreError('DynamoDB claim failed', { cause: err });
    }
  }

  async claimLifecycle(eventId: string, field: LifecycleField, on: string): Promise<LifecycleClaim> {
    const key = { PK: keys.event(eventId), SK: 'EVENT' };
    const read = async () => (await this.run('Get', () => this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })))).Item;
    const before = await read();
    if (!before) return { outcome: 'unknown' };
    const current = before[field] as string | null | undefined;
    const claim = (item: Item): EventClaim => ({ ...(item.claim as EventClaim), rectifiedOn: (item.rectifiedOn as string | null) ?? null, revokedOn: (item.revokedOn as string | null) ?? null });
    if (current != null) return { outcome: current === on ? 'duplicate' : 'conflict', claim: claim(before) };
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'SET #f = :on',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#f) OR attribute_type(#f, :nullType))',
          ExpressionAttributeNames: { '#f': field },
          ExpressionAttributeValues: { ':on': on, ':nullType': 'NULL' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { outcome: 'claimed', claim: claim(r.Attributes!) };
    } catch (err) {
      if (!isConditionFailure(err)) throw new StoreError('DynamoDB lifecycle claim failed', { cause: err });
      const after = await read();
      if (!after) return { outcome: 'unknown' };
      return { outcome: after[field] === on ? 'duplicate' : 'conflict', claim: claim(after) };
    }
  }

  // --- subjects --------------------------------------------------------------------------------

  async loadSubject(subject: SubjectRef): Promise<SubjectPartition> {
    const items = await readAll(this.doc, {
      kind: 'query', TableName: this.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.subject(subject) }, ConsistentRead: true,
    });
    let profile: StoredProfile | null = null;
    const records: StoredRecord[] = [];
    const staff: StaffLink[] = [];
    const snapshots: StoredSnapshot[] = [];
    const published: PublishedGradeItem[] = [];
    for (const item of items) {
      const sk = item.SK as string;
      if (sk === 'PROFILE') profile = item.profile as StoredProfile;
      else if (sk.startsWith('RECORD#')) records.push(item.stored as StoredRecord);
      else if (sk.startsWith('STAFF#')) staff.push(item.link as StaffLink);
      else if (sk.startsWith('SNAPSHOT#')) snapshots.push(decodeResult<StoredSnapshot>(item.snapshot)!);
      else if (sk.startsWith('PUBLISHED#')) published.push(decodeResult<PublishedGradeItem>(item.published)!);
    }
    return { profile, records, staff, snapshots, published };
  }

  async loadRecords(eventIds: readonly string[]): Promise<Map<string, CreditRecord>> {
    const claims = await this.getClaims(eventIds);
    const out = new Map<string, CreditRecord>();
    const wanted = [...claims.values()].filter((c) => c.applied);
    for (let i = 0; i < wanted.length; i += 100) {
      const chunk = wanted.slice(i, i + 100).map((c) => ({ PK: keys.subject(c.subject), SK: keys.record(c.eventId) }));
      const r = await this.run('BatchGet', () => this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: chunk, ConsistentRead: true } } })));
      for (const item of r.Responses?.[this.table] ?? []) {
        const stored = item.stored as StoredRecord;
        out.set(stored.record.eventId, stored.record);
      }
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
          Item: { PK: pk, SK: keys.record(change.newRecord.record.eventId), stored: change.newRecord, contentHash: change.newRecord.contentHash },
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
    for (const { snapshot, expectedVersion } of change.snapshots) {
      items.push({
        Put: {
          TableName: this.table,
          Item: this.snapshotItem(change.subject, snapshot),
          ...versionGuard(expectedVersion),
        },
      });
    }
    if (change.eventApplied) {
      items.push({
        Update: {
          TableName: this.table,
          Key: { PK: keys.event(change.eventApplied), SK: 'EVENT' },
          UpdateExpression: 'SET #a = :t, #c.#a = :t',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#a': 'applied', '#c': 'claim' },
          ExpressionAttributeValues: { ':t': true },
        },
      });
    }
    if (change.reference) {
      items.push({
        Put: {
          TableName: this.table,
          Item: { PK: keys.event(change.reference.clientEventId), SK: keys.referencedBy(change.subject, change.reference.eventId), agency: change.subject },
        },
      });
    }
    for (const entry of change.audit) items.push({ Put: { TableName: this.table, Item: this.auditItem(entry) } });
    if (items.length === 0) return true;
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (err) {
      if (isCancelledByCondition(err)) return false;
      throw new StoreError('DynamoDB transaction failed', { cause: err });
    }
  }

  async referencesTo(eventId: string): Promise<SubjectRef[]> {
    const r = await this.run('Query', () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': keys.event(eventId), ':p': 'REFERENCED_BY#' },
        }),
      ),
    );
    const seen = new Map<string, SubjectRef>();
    for (const item of (r.Items as Item[] | undefined) ?? []) {
      const agency = item.agency as SubjectRef;
      seen.set(`${agency.kind}:${agency.id}`, agency);
    }
    return [...seen.values()];
  }

  async putStaffLink(agency: SubjectRef, link: StaffLink): Promise<boolean> {
    const r = await this.run('Put', () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: { PK: keys.subject(agency), SK: keys.staff(link.practitionerId), link }, ReturnValues: 'ALL_OLD' })),
    );
    return JSON.stringify(r.Attributes?.link ?? null) !== JSON.stringify(link);
  }

  async deleteStaffLink(agency: SubjectRef, practitionerId: string): Promise<void> {
    await this.run('Delete', () => this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: keys.subject(agency), SK: keys.staff(practitionerId) } })));
  }

  // --- lookups ----------------------------------------------------------------------------------

  async getSnapshot(subject: SubjectRef, year: number): Promise<StoredSnapshot | null> {
    const r = await this.run('Get', () => this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.subject(subject), SK: keys.snapshot(year) } })));
    return decodeResult<StoredSnapshot>(r.Item?.snapshot);
  }

  async getPublished(subject: SubjectRef, year: number): Promise<PublishedGradeItem | null> {
    const r = await this.run('Get', () => this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.subject(subject), SK: keys.published(year) } })));
    return decodeResult<PublishedGradeItem>(r.Item?.published);
  }

  async latestPublished(subject: SubjectRef): Promise<PublishedGradeItem | null> {
    const r = await this.run('Query', () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': 'PUBLISHED#' },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
    );
    return decodeResult<PublishedGradeItem>((r.Items?.[0] as Item | undefined)?.published);
  }

  async putPublished(subject: SubjectRef, item: PublishedGradeItem): Promise<void> {
    await this.run('Put', () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: { PK: keys.subject(subject), SK: keys.published(item.year), published: encodeResult(item) } })),
    );
  }

  async getProfile(subject: SubjectRef): Promise<StoredProfile | null> {
    const r = await this.run('Get', () => this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.subject(subject), SK: 'PROFILE' }, ConsistentRead: true })));
    return (r.Item?.profile as StoredProfile | undefined) ?? null;
  }

  putProfile(profile: StoredProfile, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return this.putVersioned('profile', this.profileItem(profile), expectedVersion, audit);
  }


  async auditOf(subject: SubjectRef): Promise<AuditEntry[]> {
    const r = await this.run('Query', () =>
      this.doc.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.audit(subject) } })),
    );
    return ((r.Items as Item[] | undefined) ?? []).map((i) => i.entry as AuditEntry);
  }

  async repairApplications(subject: SubjectRef): Promise<RepairApplication[]> {
    const items = await readAll(this.doc, {
      kind: 'query', TableName: this.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': 'REPAIR#' }, ConsistentRead: true,
    });
    return items.map((i) => i.application as RepairApplication);
  }

  putRepairApplication(app: RepairApplication, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return this.putVersioned('repair application', { PK: keys.subject(app.subject), SK: `REPAIR#${app.id}`, application: app, version: app.version }, expectedVersion, audit);
  }

  /** A versioned item and its audit entry in one transaction; false when the version moved meanwhile. */
  private async putVersioned(what: string, item: Item, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
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
    const partitions = [...JURISDICTION_CODES, 'none'].flatMap((league) => SUBJECT_KINDS.map((kind) => `LEAGUE#${league}#${kind}`));
    const mine = partitions.filter((_, i) => i % totalSegments === segment);
    const out: SubjectRef[] = [];
    for (const partition of mine) {
      const items = await readAll(this.doc, {
        kind: 'query', TableName: this.table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': partition }, ProjectionExpression: 'PK',
      });
      for (const item of items) out.push(subjectOfKey(item.PK as string));
    }
    return out;
  }

  // --- items ------------------------------------------------------------------------------------

  private profileItem(profile: StoredProfile): Item {
    const s = profile.subject;
    return {
      PK: keys.subject(s),
      SK: 'PROFILE',
      profile,
      version: profile.version,
      GSI1PK: `LEAGUE#${'league' in s && s.league ? s.league : 'none'}#${s.kind}`,
      GSI1SK: `SUBJECT#${s.id}`,
    };
  }

  private snapshotItem(subject: SubjectRef, snapshot: StoredSnapshot): Item {
    const r = snapshot.result as { grade?: string | null; dishonest?: boolean | null; subject: { league?: string } };
    const grade = subject.kind === 'practitioner' ? (r.dishonest ? 'DISHONEST' : 'NONE') : (r.grade ?? 'NONE');
    return {
      PK: keys.subject(subject),
      SK: keys.snapshot(snapshot.year),
      snapshot: encodeResult(snapshot),
      version: snapshot.version,
      GSI1PK: `YEAR#${snapshot.year}#${r.subject.league ?? 'none'}`,
      GSI1SK: `GRADE#${grade}#${subject.kind}#${subject.id}`,
    };
  }

  private auditItem(entry: AuditEntry): Item {
    return { PK: keys.audit(entry.subject), SK: `${entry.at}#${randomUUID()}`, entry };
  }
}

