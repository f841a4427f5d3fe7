import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoSnapshotReader } from '../../../functions/adapters/dynamoSnapshots.ts';
import { DynamoSubjectRecords } from '../../../functions/adapters/dynamoSubjects.ts';
import type { StoredSnapshot } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let reader: DynamoSnapshotReader;
let subjects: DynamoSubjectRecords;
beforeAll(async () => {
  const fresh = await freshTable('snapshots');
  client = fresh.client;
  reader = new DynamoSnapshotReader(documentClient(client), fresh.table);
  subjects = new DynamoSubjectRecords(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const ref = { kind: 'enterprise' as const, id: uscc(41) };
const snapshot = (year: number, records: number): StoredSnapshot => ({
  year,
  league: '150100',
  asOf: `${year}-06-01`,
  stableThrough: `${year}-06-30`,
  version: 1,
  computedAt: `${year}-06-01T00:00:00Z`,
  result: {
    subject: { kind: 'enterprise', id: ref.id, name: '甲', league: '150100' },
    score: 100 - records,
    items: Array.from({ length: records }, (_, i) => ({
      eventId: `S-${String(i).padStart(5, '0')}`,
      rule: 'PMT_LEDGER',
      points: -1,
      state: 'counted',
      article: 'Annex 1',
    })),
    pending: [],
    repair: [],
    notes: [],
  } as never,
});

describe('the live snapshot of a subject', () => {
  it('reads a snapshot of its year, whole even when kept apart in parts, and null for another year', async () => {
    const big = snapshot(2026, 6_000);
    const small = snapshot(2025, 2);
    expect(
      await subjects.commitSubject({
        subject: ref,
        snapshots: [
          { snapshot: big, expectedVersion: null },
          { snapshot: small, expectedVersion: null },
        ],
        audit: [],
      }),
    ).toBe(true);
    const read = await reader.getSnapshot(ref, 2026);
    expect(read?.result).toEqual(big.result);
    expect(read?.explanation?.counts.items).toBe(6_000);
    expect((await reader.getSnapshot(ref, 2025))?.result).toEqual(small.result);
    expect(await reader.getSnapshot(ref, 2024)).toBeNull();
  });
});
