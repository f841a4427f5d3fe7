import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPractitionerFilings } from '../../../functions/adapters/dynamoPractitionerFilings.ts';
import type { PractitionerFiling } from '../../../functions/ports/practitionerFilings.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** Practitioners filed by their employers, on DynamoDB Local (docs/storage.md). */
let client: DynamoDBClient;
let store: DynamoPractitionerFilings;
const A = { kind: 'agency' as const, code: uscc(61, '150600'), name: '甲机构' };
const B = { kind: 'enterprise' as const, code: uscc(62, '150600'), name: '乙企业' };
const filing = (
  employer: typeof A | typeof B,
  n: number,
  league: '150600' | '150200' = '150600',
): PractitionerFiling => ({
  year: 2026,
  league,
  employer,
  residentId: residentId(n),
  name: `人员${n}`,
  position: '技术员',
  status: 'pending',
  filedAt: '2027-02-01T00:00:00.000Z',
  filedBy: `staff:${employer.kind}:${employer.code}`,
  reason: null,
  decidedBy: null,
  decidedAt: null,
});
const ref = (f: PractitionerFiling) => ({
  year: f.year,
  league: f.league,
  employer: f.employer,
  residentId: f.residentId,
});

beforeAll(async () => {
  const fresh = await freshTable('dynamo-practitioner-filings');
  client = fresh.client;
  store = new DynamoPractitionerFilings(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

describe('DynamoPractitionerFilings', () => {
  it('stores a filing once per practitioner, year and employer; the same person may be filed by two employers', async () => {
    expect(await store.file(filing(A, 1))).toBe('filed');
    expect(await store.file({ ...filing(A, 1), name: '改名' })).toBe('exists');
    expect(await store.file(filing(B, 1))).toBe('filed');
    expect(await store.file(filing(A, 2))).toBe('filed');
    expect(await store.file(filing(A, 3, '150200'))).toBe('filed');
    expect(await store.filing(ref(filing(A, 1)))).toEqual(filing(A, 1));
  });

  it('reads one employer’s filings, and a league’s', async () => {
    expect((await store.filingsOfEmployer(2026, '150600', A)).map((f) => f.residentId)).toEqual([
      residentId(1),
      residentId(2),
    ]);
    expect((await store.filingsOfEmployer(2026, '150600', B)).map((f) => f.residentId)).toEqual([residentId(1)]);
    expect(await store.filingsOfLeague(2026, '150600')).toHaveLength(3);
    expect(await store.filingsOfLeague(2025, '150600')).toEqual([]);
  });

  it('decides a pending filing only', async () => {
    const d = {
      status: 'listed' as const,
      reason: null,
      decidedBy: 'staff:league:150600',
      decidedAt: '2027-03-01T00:00:00Z',
    };
    expect(await store.decide(ref(filing(A, 2)), d)).toBe('decided');
    expect(await store.decide(ref(filing(A, 2)), { ...d, status: 'declined', reason: '重复' })).toBe('notPending');
    expect(await store.decide(ref(filing(A, 9)), d)).toBe('notPending');
    expect(await store.filing(ref(filing(A, 2)))).toMatchObject({ status: 'listed', decidedBy: 'staff:league:150600' });
  });
});
