import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEnterprise } from '../../../domain/evaluation/evaluateSubject.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { DynamoSubjectListing } from '../../../functions/adapters/dynamoSubjectListing.ts';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import { context, enterprise, practitioner, record, uscc } from '../../support/builders.ts';
import { registerProfile } from '../../support/store.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let store: DynamoCreditStore;
let listing: DynamoSubjectListing;
const AT = '2026-06-01T00:00:00Z';
const FIRST = enterprise({ id: uscc(11, '150600'), name: '甲公司', league: '150600' });
const SECOND = enterprise({ id: uscc(12, '150600'), name: '乙公司', league: '150600' });
const ELSEWHERE = enterprise({ id: uscc(13, '150100'), name: '丙公司', league: '150100' });
const LOOSE = practitioner(14, { employer: null });

/** Stores a live snapshot of `year` for an enterprise with these records. */
const snapshot = async (e: typeof FIRST, rules: string[], year = 2026) => {
  const ref: SubjectRef = { kind: 'enterprise', id: e.id };
  const records = rules.map((rule, i) =>
    record({ rule, eventId: `${e.id}-${i}`, subject: { kind: 'enterprise', id: e.id }, league: e.league }),
  );
  const result = evaluateEnterprise(e, records, context({ year, asOf: '2026-06-01' }));
  expect(
    await store.commitSubject({
      subject: ref,
      snapshots: [
        {
          snapshot: {
            year,
            league: e.league,
            asOf: '2026-06-01',
            stableThrough: '2026-06-01',
            result,
            version: 1,
            computedAt: AT,
          },
          expectedVersion: null,
        },
      ],
      audit: [],
    }),
  ).toBe(true);
  return result;
};

beforeAll(async () => {
  const fresh = await freshTable('listing');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
  listing = new DynamoSubjectListing(documentClient(client), fresh.table);
  for (const s of [SECOND, FIRST, ELSEWHERE, LOOSE]) await registerProfile(store, s, AT);
});
afterAll(() => client?.destroy());

describe('the console’s subject lists', () => {
  it('lists a league’s profiles of one kind in code order, and practitioners without a league apart', async () => {
    expect((await listing.profilesOf('150600', 'enterprise')).map((p) => p.subject.name)).toEqual(['甲公司', '乙公司']);
    expect(await listing.profilesOf('150600', 'agency')).toEqual([]);
    expect((await listing.profilesOf(null, 'practitioner')).map((p) => p.subject.id)).toEqual([LOOSE.id]);
  });

  it('reads live grades from the index keys and snapshot heads by subject', async () => {
    const first = await snapshot(FIRST, ['SUP_CITY']);
    await snapshot(SECOND, ['EIA_UNAPPROVED', 'EIA_UNAPPROVED', 'EIA_UNAPPROVED']);
    const grades = await listing.gradesOf(2026, '150600');
    expect(Object.fromEntries(grades)).toEqual({ [`enterprise:${FIRST.id}`]: 'A', [`enterprise:${SECOND.id}`]: 'C' });
    expect((await listing.gradesOf(2025, '150600')).size).toBe(0);
    const heads = await listing.snapshotHeads(
      [
        { kind: 'enterprise', id: FIRST.id },
        { kind: 'enterprise', id: ELSEWHERE.id },
        { kind: 'enterprise', id: FIRST.id },
      ],
      2026,
    );
    expect([...heads.keys()]).toEqual([`enterprise:${FIRST.id}`]);
    expect(heads.get(`enterprise:${FIRST.id}`)).toEqual({
      score: first.score,
      grade: 'A',
      dishonest: null,
      asOf: '2026-06-01',
    });
  });

  it('reads profiles by subject, leaving out those never stored', async () => {
    const found = await listing.profilesByRef([
      { kind: 'enterprise', id: ELSEWHERE.id },
      { kind: 'enterprise', id: uscc(99) },
    ]);
    expect([...found.values()].map((p) => p.subject.name)).toEqual(['丙公司']);
    expect((await listing.profilesByRef([])).size).toBe(0);
  });
});
