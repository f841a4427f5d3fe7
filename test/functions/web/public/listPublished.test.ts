import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedResults } from '../../../../functions/adapters/dynamoPublished.ts';
import { DynamoPublishedDirectory } from '../../../../functions/adapters/dynamoPublishedDirectory.ts';
import { LIST_PAGE_SIZE, ListPublished } from '../../../../functions/web/public/listPublished.ts';
import { uscc } from '../../../support/builders.ts';
import { freshTable } from '../../../support/table.ts';

let client: DynamoDBClient;
let lists: ListPublished;
const COUNT = LIST_PAGE_SIZE + 5;

beforeAll(async () => {
  const fresh = await freshTable('public-lists');
  client = fresh.client;
  const doc = documentClient(client);
  const published = new DynamoPublishedResults(doc, fresh.table);
  for (let n = 1; n <= COUNT; n++) {
    const league = n % 2 === 0 ? '150200' : '150600';
    await published.putPublished(
      { kind: 'enterprise', id: uscc(n, league) },
      {
        year: 2025,
        grade: n % 5 === 0 ? 'D' : 'A',
        publishedOn: '2026-06-26',
        result: { subject: { kind: 'enterprise', id: uscc(n, league), name: `企业${n}`, league }, score: 96 } as never,
      },
    );
  }
  lists = new ListPublished(new DynamoPublishedDirectory(doc, fresh.table));
});
afterAll(() => client?.destroy());

describe('a year’s published list (Art 20)', () => {
  it('names every bad parameter at once, and knows no list of practitioners (Art 18(6), 35)', async () => {
    const r = await lists.page({ year: '25', kind: 'enterprise', league: '999999', grade: 'E', cursor: '!' });
    expect(r.status === 'invalid' && r.issues.map((i) => i.path)).toEqual([
      '评价年度（year）',
      '盟市（league）',
      '评价等级（grade）',
      '分页位置（cursor）',
    ]);
    expect(await lists.page({ year: '2025', kind: 'practitioner' })).toEqual({ status: 'notFound' });
    expect(await lists.all({ year: '2025', kind: 'practitioner' })).toEqual({ status: 'notFound' });
  });

  it('pages the list and downloads it whole with the same filters', async () => {
    const first = await lists.page({ year: '2025', kind: 'enterprise' });
    if (first.status !== 'ok') throw new Error('expected a page');
    expect(first.value.page.entries).toHaveLength(LIST_PAGE_SIZE);
    const rest = await lists.page({ year: '2025', kind: 'enterprise', cursor: first.value.page.next! });
    expect(rest.status === 'ok' && rest.value.page.entries.length).toBe(COUNT - LIST_PAGE_SIZE);
    const all = await lists.all({ year: '2025', kind: 'enterprise', league: '150600', grade: 'D', cursor: 'ignored' });
    if (all.status !== 'ok') throw new Error('expected the list');
    const expected = Array.from({ length: COUNT }, (_, i) => i + 1).filter((n) => n % 2 === 1 && n % 5 === 0);
    expect(all.value.entries.map((e) => e.name).sort()).toEqual(expected.map((n) => `企业${n}`).sort());
    expect(all.value.filter).toEqual({ kind: 'enterprise', year: 2025, league: '150600', grade: 'D' });
  });

  it('a cursor of another filter is refused, naming the field', async () => {
    const first = await lists.page({ year: '2025', kind: 'enterprise' });
    if (first.status !== 'ok') throw new Error('expected a page');
    const other = await lists.page({ year: '2025', kind: 'enterprise', grade: 'A', cursor: first.value.page.next! });
    expect(other.status === 'invalid' && other.issues[0]!.path).toBe('分页位置（cursor）');
  });

  it('knows the published years per kind', async () => {
    expect(await lists.years()).toEqual([
      { kind: 'enterprise', years: [2025] },
      { kind: 'agency', years: [] },
    ]);
  });
});
