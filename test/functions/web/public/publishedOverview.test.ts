import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedResults } from '../../../../functions/adapters/dynamoPublished.ts';
import { DynamoPublishedDirectory } from '../../../../functions/adapters/dynamoPublishedDirectory.ts';
import type { SubjectRef } from '../../../../functions/ports/store.ts';
import { OVERVIEW_KEPT_MS, PublishedOverview } from '../../../../functions/web/public/publishedOverview.ts';
import { uscc } from '../../../support/builders.ts';
import { freshTable } from '../../../support/table.ts';

let client: DynamoDBClient;
let published: DynamoPublishedResults;
let overview: PublishedOverview;
const put = (s: SubjectRef, year: number, grade: 'A' | 'C', league: string) =>
  published.putPublished(s, {
    year,
    grade,
    publishedOn: `${year + 1}-06-26`,
    result: { subject: { ...s, name: '某公司', league }, score: 80 } as never,
  });

beforeAll(async () => {
  const fresh = await freshTable('public-overview');
  client = fresh.client;
  const doc = documentClient(client);
  published = new DynamoPublishedResults(doc, fresh.table);
  overview = new PublishedOverview(new DynamoPublishedDirectory(doc, fresh.table));
});
afterAll(() => client?.destroy());

describe('the latest published results at a glance', () => {
  it('counts the grades of each kind’s latest year per league, and reads them again after a while', async () => {
    const t0 = new Date('2026-07-01T02:00:00Z');
    expect(await overview.execute(t0)).toEqual([]);
    await put({ kind: 'enterprise', id: uscc(1, '150600') }, 2024, 'C', '150600');
    await put({ kind: 'enterprise', id: uscc(2, '150600') }, 2025, 'A', '150600');
    await put({ kind: 'agency', id: uscc(3, '150200') }, 2025, 'C', '150200');
    // Kept for a while: publications change rarely, and counting reads the year's whole list.
    expect(await overview.execute(new Date(t0.getTime() + 1000))).toEqual([]);
    expect(await overview.execute(new Date(t0.getTime() + OVERVIEW_KEPT_MS))).toEqual([
      { kind: 'enterprise', year: 2025, leagues: [{ league: '150600', counts: { A: 1, B: 0, C: 0, D: 0 } }] },
      { kind: 'agency', year: 2025, leagues: [{ league: '150200', counts: { A: 0, B: 0, C: 1, D: 0 } }] },
    ]);
  });
});
