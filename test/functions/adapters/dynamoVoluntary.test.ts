import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoVoluntary } from '../../../functions/adapters/dynamoVoluntary.ts';
import type { VoluntaryApplication } from '../../../functions/ports/voluntary.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('voluntary'));
  doc = documentClient(client);
});
afterAll(() => client?.destroy());

const list = { year: 2026, kind: 'enterprise' as const, league: '150600' as const };
const application = (n: number, appliedAt = '2027-02-01T00:00:00.000Z'): VoluntaryApplication => ({
  ...list,
  code: uscc(n, '150600'),
  name: `企业${n}`,
  status: 'pending',
  appliedAt,
  reason: null,
  decidedBy: null,
  decidedAt: null,
});

describe('applications to take part of one own accord on DynamoDB (Art 6(8))', () => {
  it('stores an application and refuses a second one while the first is pending', async () => {
    const store = new DynamoVoluntary(doc, table);
    expect(await store.apply(application(1))).toBe('applied');
    expect(await store.apply(application(1, '2027-02-02T00:00:00.000Z'))).toBe('pending');
    expect(await store.application(list, uscc(1, '150600'))).toEqual(application(1));
    expect(await store.application(list, uscc(9, '150600'))).toBeNull();
  });

  it('decides a pending application once; a decided unit may apply again', async () => {
    const store = new DynamoVoluntary(doc, table);
    await store.apply(application(2));
    const decision = {
      status: 'declined' as const,
      reason: '不属于本盟市',
      decidedBy: 'staff:league:150600',
      decidedAt: '2027-02-03T00:00:00.000Z',
    };
    expect(await store.decide(list, uscc(2, '150600'), decision)).toBe('decided');
    expect(await store.decide(list, uscc(2, '150600'), { ...decision, status: 'accepted' })).toBe('notPending');
    expect(await store.application(list, uscc(2, '150600'))).toMatchObject({
      status: 'declined',
      reason: '不属于本盟市',
    });
    expect(await store.decide(list, uscc(8, '150600'), decision)).toBe('notPending');
    expect(await store.apply(application(2, '2027-03-01T00:00:00.000Z'))).toBe('applied');
    const codes = (await store.applicationsOf(list)).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining([uscc(1, '150600'), uscc(2, '150600')]));
    expect(await store.applicationsOf({ ...list, kind: 'agency' })).toEqual([]);
  });
});
