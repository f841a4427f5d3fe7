import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Filing } from '../../domain/filing/filing.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import {
  type EventClaim,
  type PublishedGradeItem,
  type PublishedSummary,
  type RepairApplication,
  type StaffLink,
  type StoredProfile,
  type StoredRecord,
  type StoredSnapshot,
  StoreError,
  type SubjectPartition,
  type SubjectRecordStore,
  type SubjectRef,
} from '../ports/store.ts';
import { snapshotOf } from './dynamoResultItems.ts';
import { DynamoResults } from './dynamoResults.ts';
import { batchGetAll, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';
import { participationKeys } from './participationKeys.ts';

/**
 * The reads of the subjects' records, apart from the writes of `DynamoSubjectRecords` (which extends
 * them) so that a function that evaluates or shows records without changing them carries none of
 * those: records by eventId (`DynamoRecordReader`), and a subject's whole partition besides
 * (`DynamoSubjectReader`: its profile, records, staff links, snapshots, published grades, repair
 * applications and filings, with one Query).
 */
export class DynamoRecordReader implements Pick<SubjectRecordStore, 'loadRecords'> {
  constructor(
    protected readonly doc: DynamoDBDocumentClient,
    protected readonly table: string,
  ) {}

  /** The records of applied claims: their claims say where they are (a claim not applied has no record yet). */
  async loadRecords(eventIds: readonly string[]): Promise<Map<string, CreditRecord>> {
    const claims = await batchGetAll(
      this.doc,
      this.table,
      [...new Set(eventIds)].map((id) => ({ PK: keys.event(id), SK: keys.eventClaim })),
    );
    const wanted = claims.filter((item) => item.applied === true).map((item) => item.claim as EventClaim);
    const items = await batchGetAll(
      this.doc,
      this.table,
      wanted.map((c) => ({ PK: keys.subject(c.subject), SK: keys.record(c.eventId) })),
    );
    const out = new Map<string, CreditRecord>();
    for (const item of items) {
      const stored = item.stored as StoredRecord;
      out.set(stored.record.eventId, stored.record);
    }
    return out;
  }
}

export class DynamoSubjectReader
  extends DynamoRecordReader
  implements Pick<SubjectRecordStore, 'loadSubject' | 'loadRecords'>
{
  /** Results (snapshots) of any size (docs/storage.md "Big subjects"). */
  protected readonly results: DynamoResults;

  constructor(doc: DynamoDBDocumentClient, table: string) {
    super(doc, table);
    this.results = new DynamoResults(doc, table);
  }

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
    const filings: Filing[] = [];
    for (const item of items) {
      const sk = item.SK as string;
      if (sk === keys.profile) profile = item.profile as StoredProfile;
      else if (sk.startsWith(keys.recordPrefix)) records.push(item.stored as StoredRecord);
      else if (sk.startsWith(keys.staffPrefix)) staff.push(item.link as StaffLink);
      else if (sk.startsWith(keys.snapshotPrefix)) {
        const snapshot = await snapshotOf(this.results, subject, item);
        if (!snapshot) return null;
        snapshots.push(snapshot);
      } else if (sk.startsWith(keys.publishedPrefix)) {
        const { result: _, ...summary } = item.published as PublishedGradeItem;
        published.push(summary);
      } else if (sk.startsWith(keys.repairPrefix)) repairs.push(item.application as RepairApplication);
      else if (sk.startsWith(participationKeys.filingPrefix)) filings.push(item.filing as Filing);
    }
    return { profile, records, staff, snapshots, published, repairs, filings };
  }
}
