import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoClaims } from '../../../functions/adapters/dynamoClaims.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoRecordReader, DynamoSubjectReader } from '../../../functions/adapters/dynamoSubjectReader.ts';
import { DynamoSubjectRecords } from '../../../functions/adapters/dynamoSubjects.ts';
import { enterprise, uscc } from '../../support/builders.ts';
import { pendingClaim, storedLedgerRecord } from '../../support/claims.ts';
import { freshTable } from '../../support/table.ts';

/**
 * The reads of records by eventId and of a subject's partition, for functions that only read them:
 * what `DynamoSubjectRecords` writes, read back the same.
 */
let client: DynamoDBClient;
let reader: DynamoSubjectReader;
let subjects: DynamoSubjectRecords;
let claims: DynamoClaims;
let table: string;
beforeAll(async () => {
  const fresh = await freshTable('subject-reader');
  client = fresh.client;
  table = fresh.table;
  reader = new DynamoSubjectReader(documentClient(client), fresh.table);
  subjects = new DynamoSubjectRecords(documentClient(client), fresh.table);
  claims = new DynamoClaims(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const ref = { kind: 'enterprise' as const, id: uscc(31) };
const claim = (eventId: string) => pendingClaim(ref, eventId);
const stored = (eventId: string) => storedLedgerRecord(ref, eventId);

describe('the reads of a subject’s partition', () => {
  beforeAll(async () => {
    expect(await claims.claimEvent(claim('READ-1'))).toBe(true);
    expect(await claims.claimEvent(claim('READ-2'))).toBe(true);
    expect(
      await subjects.commitSubject({
        subject: ref,
        newRecord: stored('READ-1'),
        profileIfAbsent: {
          subject: enterprise({ id: ref.id }),
          registration: 'unregistered',
          version: 1,
          updatedAt: '2026-03-01T00:00:00Z',
        },
        eventApplied: 'READ-1',
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
  });

  it('reads the partition as the subjects’ adapter does: its profile and records', async () => {
    const read = await reader.loadSubject(ref);
    expect(read).toEqual(await subjects.loadSubject(ref));
    expect(read.profile?.registration).toBe('unregistered');
    expect(read.records.map((r) => r.record.eventId)).toEqual(['READ-1']);
  });

  it('loads the records of applied claims only, each once, with or without the partitions’ reads', async () => {
    const records = new DynamoRecordReader(documentClient(client), table);
    for (const r of [reader, records]) {
      const loaded = await r.loadRecords(['READ-1', 'READ-2', 'READ-1', 'NO-SUCH']);
      expect([...loaded.keys()]).toEqual(['READ-1']);
      expect(loaded.get('READ-1')).toEqual(stored('READ-1').record);
    }
  });

  it('reads an unknown subject as an empty partition', async () => {
    const none = await reader.loadSubject({ kind: 'enterprise', id: uscc(32) });
    expect([none.profile, none.records, none.snapshots]).toEqual([null, [], []]);
  });
});
