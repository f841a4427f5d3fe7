import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedDirectory } from '../../../functions/adapters/dynamoPublishedDirectory.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { ResultStatistics } from '../../../functions/results-use/resultStatistics.ts';
import { seedPublishedResults } from '../../support/resultsUse.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let statistics: ResultStatistics;

beforeAll(async () => {
  const fresh = await freshTable('statistics');
  client = fresh.client;
  await seedPublishedResults(new DynamoCreditStore(client, fresh.table));
  statistics = new ResultStatistics(new DynamoPublishedDirectory(documentClient(client), fresh.table));
});
afterAll(() => client?.destroy());

describe('statistics of the published results (Art 8)', () => {
  it('gives the region the grade counts per year, kind and league', async () => {
    const read = await statistics.execute({ type: 'staff', claims: { role: 'region', league: '150000' } });
    if (read.status !== 'ok') throw new Error('expected statistics');
    expect(read.value.league).toBeNull();
    expect(read.value.rows.filter((r) => r.year === 2025)).toEqual([
      { kind: 'enterprise', year: 2025, league: '150300', counts: { A: 1, B: 0, C: 0, D: 1 } },
      { kind: 'agency', year: 2025, league: '150300', counts: { A: 0, B: 0, C: 0, D: 1 } },
      { kind: 'agency', year: 2025, league: '150600', counts: { A: 0, B: 0, C: 1, D: 0 } },
    ]);
    expect([...new Set(read.value.rows.map((r) => r.year))]).toEqual([2023, 2024, 2025]);
  });

  it('gives a league bureau its own league only, and nobody else anything', async () => {
    const read = await statistics.execute({ type: 'staff', claims: { role: 'league', league: '150600' } });
    if (read.status !== 'ok') throw new Error('expected statistics');
    expect(read.value.rows.every((r) => r.league === '150600')).toBe(true);
    expect(read.value.rows).toHaveLength(3);
    expect(await statistics.execute({ type: 'public' })).toMatchObject({ status: 'unauthorized' });
    expect(await statistics.execute({ type: 'staff', claims: { role: 'enterprise', subject: 'x' } })).toEqual({
      status: 'forbidden',
    });
  });
});
