import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../domain/evaluation/evaluate.ts';
import type { ScoredResult } from '../../../domain/evaluation/result.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedDirectory } from '../../../functions/adapters/dynamoPublishedDirectory.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { LookupMeasures } from '../../../functions/results-use/lookupMeasures.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { PUBLISHED_ON, SEEDED, type SeededResults, seedPublishedResults } from '../../support/resultsUse.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let measures: LookupMeasures;
let seeded: SeededResults;

beforeAll(async () => {
  const fresh = await freshTable('measures');
  client = fresh.client;
  const store = new DynamoCreditStore(client, fresh.table);
  seeded = await seedPublishedResults(store);
  measures = new LookupMeasures(new DynamoPublishedDirectory(documentClient(client), fresh.table), store, {
    now: () => new Date('2026-09-01T02:00:00Z'),
  });
});
afterAll(() => client?.destroy());

const applying = (v: { measures: readonly { article: string; applies: boolean }[] }) =>
  v.measures
    .filter((m) => m.applies)
    .map((m) => m.article)
    .sort();

describe('the measures lookup (Art 29–31)', () => {
  it('applies exactly the measures `ecocredit evaluate` gives the published result', async () => {
    const evaluated = evaluate({
      year: 2025,
      asOf: PUBLISHED_ON[2025]!,
      subjects: seeded.subjects,
      records: seeded.records,
      history: seeded.history,
    }) as ScoredResult[];
    for (const r of evaluated) {
      const read = await measures.execute({ id: r.subject.id });
      if (read.status !== 'ok') throw new Error(`expected measures of ${r.subject.name}`);
      expect(read.value).toMatchObject({ year: 2025, grade: r.grade, blacklisted: r.blacklisted });
      expect(applying(read.value), r.subject.name).toEqual(r.measures.map((m) => m.article).sort());
    }
  });

  it('Art 31(2): a D agency may not be hired; the answer names the article and lasts until repair', async () => {
    const read = await measures.execute({ kind: 'agency', id: SEEDED.agencyD.id });
    if (read.status !== 'ok') throw new Error('expected measures');
    expect(read.value.procurementAllowed).toBe(false);
    expect(read.value.measures.find((m) => m.article === 'Art 31(2)')).toMatchObject({
      articleName: expect.stringContaining('第三十一条'),
      applies: true,
      since: PUBLISHED_ON[2025],
      ends: 'repair',
    });
    const c = await measures.execute({ id: SEEDED.agencyC.id });
    expect(c.status === 'ok' && c.value.procurementAllowed).toBe(true);
  });

  it('answers as of a date: before 2025 was published, the 2024 result governed', async () => {
    const read = await measures.execute({ id: SEEDED.clean.id, date: '2026-06-25' });
    if (read.status !== 'ok') throw new Error('expected measures');
    expect(read.value).toMatchObject({ year: 2024, publishedOn: PUBLISHED_ON[2024] });
    expect(read.value.measures.find((m) => m.article === 'Art 29(1)')).toMatchObject({
      applies: true,
      until: '2026-06-25',
    });
  });

  it('never answers for practitioners (Art 18(6), 35) nor for codes without published results', async () => {
    expect(await measures.execute({ kind: 'practitioner', id: residentId(7) })).toEqual({ status: 'notFound' });
    expect(await measures.execute({ id: uscc(799, '150300') })).toEqual({ status: 'notFound' });
    const code = await measures.execute({ id: '91150300MA0000999X' });
    expect(code.status === 'invalid' && code.issues.map((i) => i.path)).toEqual(['id']);
    const bad = await measures.execute({ id: SEEDED.clean.id, date: '2026-02-30' });
    expect(bad.status === 'invalid' && bad.issues.map((i) => i.path)).toEqual(['date']);
  });
});
