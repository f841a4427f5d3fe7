import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedResults } from '../../../../functions/adapters/dynamoPublished.ts';
import { DynamoPublishedDirectory } from '../../../../functions/adapters/dynamoPublishedDirectory.ts';
import type { SubjectRef } from '../../../../functions/ports/store.ts';
import { SEARCH_PAGE_SIZE, SearchPublished } from '../../../../functions/web/public/searchPublished.ts';
import { residentId, uscc } from '../../../support/builders.ts';
import { freshTable } from '../../../support/table.ts';

let client: DynamoDBClient;
let search: SearchPublished;
const ENTERPRISES = SEARCH_PAGE_SIZE + 1;

beforeAll(async () => {
  const fresh = await freshTable('public-search');
  client = fresh.client;
  const doc = documentClient(client);
  const published = new DynamoPublishedResults(doc, fresh.table);
  const put = (s: SubjectRef, name: string, year = 2025) =>
    published.putPublished(s, {
      year,
      grade: 'B',
      publishedOn: `${year + 1}-06-26`,
      result: { subject: { ...s, name, league: '150600' }, year, score: 90 } as never,
    });
  for (let n = 1; n <= ENTERPRISES; n++)
    await put({ kind: 'enterprise', id: uscc(n, '150600') }, `鄂尔多斯市第${n}化工有限公司`);
  // An earlier year is not searched: only the latest published year of each kind.
  await put({ kind: 'enterprise', id: uscc(90, '150600') }, '鄂尔多斯市旧化工有限公司', 2024);
  await put({ kind: 'agency', id: uscc(91, '150600') }, '鄂尔多斯市化工检测有限公司', 2024);
  await put({ kind: 'practitioner', id: residentId(92) }, '化工从业人员');
  const directory = new DynamoPublishedDirectory(doc, fresh.table);
  search = new SearchPublished(directory, async (s) => (await published.latestPublished(s)) !== null);
});
afterAll(() => client?.destroy());

describe('the public search by name or code (Art 20; never practitioners, Art 18(6), 35)', () => {
  it('refuses an empty or too long query, naming the field', async () => {
    for (const q of [undefined, '', '   ', '化'.repeat(101)]) {
      const r = await search.execute({ ...(q === undefined ? {} : { q }) });
      expect(r.status).toBe('invalid');
      if (r.status === 'invalid') expect(r.issues[0]!.path).toBe('名称或代码（q）');
    }
  });

  it('takes a code straight to its subject, in any letter case', async () => {
    expect(await search.execute({ q: ` ${uscc(3, '150600').toLowerCase()} ` })).toEqual({
      status: 'ok',
      value: { type: 'subject', subject: { kind: 'enterprise', id: uscc(3, '150600') } },
    });
    expect(await search.execute({ q: uscc(91, '150600') })).toEqual({
      status: 'ok',
      value: { type: 'subject', subject: { kind: 'agency', id: uscc(91, '150600') } },
    });
    expect(await search.execute({ q: uscc(77) })).toEqual({ status: 'ok', value: { type: 'noCode', code: uscc(77) } });
  });

  it('never finds a practitioner, by resident identity number or by name', async () => {
    const byId = await search.execute({ q: residentId(92) });
    expect(byId.status === 'ok' && byId.value.type !== 'subject').toBe(true);
    const byName = await search.execute({ q: '从业人员' });
    expect(byName.status === 'ok' && byName.value.type === 'names' && byName.value.entries).toEqual([]);
  });

  it('pages through the latest year of enterprises, then of agencies', async () => {
    const first = await search.execute({ q: '化工' });
    if (first.status !== 'ok' || first.value.type !== 'names') throw new Error('expected names');
    expect(first.value.entries).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.value.entries.every((e) => e.kind === 'enterprise' && e.year === 2025)).toBe(true);
    const second = await search.execute({ q: '化工', cursor: first.value.next! });
    if (second.status !== 'ok' || second.value.type !== 'names') throw new Error('expected names');
    expect(second.value.entries.map((e) => [e.kind, e.year])).toEqual([
      ['enterprise', 2025],
      ['agency', 2024],
    ]);
    expect(second.value.next).toBeNull();
  });

  it('refuses a cursor it never handed out', async () => {
    for (const cursor of ['zz', 'e.!!', 'a.eyJQSyI6MX0'])
      expect((await search.execute({ q: '化工', cursor })).status).toBe('invalid');
  });
});
