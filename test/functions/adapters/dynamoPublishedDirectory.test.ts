import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../domain/evaluation/grade.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedResults } from '../../../functions/adapters/dynamoPublished.ts';
import { DynamoPublishedDirectory } from '../../../functions/adapters/dynamoPublishedDirectory.ts';
import type { PageOutcome, PublishedPage } from '../../../functions/ports/publishedDirectory.ts';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let published: DynamoPublishedResults;
let directory: DynamoPublishedDirectory;

type Kind = 'enterprise' | 'agency';
const publish = (
  kind: Kind | 'practitioner',
  id: string,
  year: number,
  o: { name: string; league: string; grade: Grade; score: number },
) =>
  published.putPublished({ kind, id } as SubjectRef, {
    year,
    grade: o.grade,
    publishedOn: `${year + 1}-06-27`,
    result: { subject: { kind, id, name: o.name, league: o.league }, year, score: o.score } as never,
  });

const pageOf = (o: PageOutcome): PublishedPage => {
  if (o.status !== 'ok') throw new Error('expected a page');
  return o.page;
};

beforeAll(async () => {
  const fresh = await freshTable('published-directory');
  client = fresh.client;
  const doc = documentClient(client);
  published = new DynamoPublishedResults(doc, fresh.table);
  directory = new DynamoPublishedDirectory(doc, fresh.table);
  const rows: [Kind, number, string, string, Grade, number][] = [
    ['enterprise', 1, '包头市钢铁有限公司', '150200', 'A', 98],
    ['enterprise', 2, '包头市稀土冶炼有限公司', '150200', 'C', 70],
    ['enterprise', 3, '鄂尔多斯市煤化工有限公司', '150600', 'A', 96.5],
    ['enterprise', 4, '鄂尔多斯市热电有限公司', '150600', 'B', 88],
    ['enterprise', 5, '鄂尔多斯市建材有限公司', '150600', 'D', 40],
    ['agency', 6, '内蒙古环境监测服务有限公司', '150100', 'B', 80],
  ];
  for (const [kind, n, name, league, grade, score] of rows)
    expect(await publish(kind, uscc(n, league), 2025, { name, league, grade, score })).toBe(true);
  expect(
    await publish('enterprise', uscc(1, '150200'), 2024, {
      name: '包头市钢铁有限公司',
      league: '150200',
      grade: 'B',
      score: 90,
    }),
  ).toBe(true);
  expect(
    await publish('enterprise', uscc(7, '150300'), 2023, {
      name: '乌海市焦化有限公司',
      league: '150300',
      grade: 'C',
      score: 65,
    }),
  ).toBe(true);
  // A practitioner's published item (never written by the publication): it must never be listed (Art 18(6), 35).
  expect(
    await publish('practitioner', residentId(8), 2025, {
      name: '鄂尔多斯市从业人员',
      league: '150600',
      grade: 'D',
      score: 0,
    }),
  ).toBe(true);
});
afterAll(() => client?.destroy());

describe('the published lists (Art 20), never practitioners (Art 18(6), 35)', () => {
  it('knows the years published per kind, latest first', async () => {
    expect(await directory.publishedYears('enterprise')).toEqual([2025, 2024, 2023]);
    expect(await directory.publishedYears('agency')).toEqual([2025]);
  });

  it('lists a year by league, grade and code, in pages whose cursor leads on to the end', async () => {
    const first = pageOf(await directory.listPublished({ kind: 'enterprise', year: 2025 }, { limit: 3 }));
    expect(first.entries.map((e) => e.name)).toEqual([
      '包头市钢铁有限公司',
      '包头市稀土冶炼有限公司',
      '鄂尔多斯市煤化工有限公司',
    ]);
    expect(first.entries[0]).toEqual({
      kind: 'enterprise',
      id: uscc(1, '150200'),
      name: '包头市钢铁有限公司',
      league: '150200',
      year: 2025,
      score: 98,
      grade: 'A',
      publishedOn: '2026-06-27',
    });
    expect(first.next).not.toBeNull();
    const second = pageOf(
      await directory.listPublished({ kind: 'enterprise', year: 2025 }, { limit: 3, cursor: first.next! }),
    );
    expect(second.entries.map((e) => e.grade)).toEqual(['B', 'D']);
    expect(second.next).toBeNull();
  });

  it('filters by league, by league and grade, and by grade alone on key conditions', async () => {
    const ordos = pageOf(
      await directory.listPublished({ kind: 'enterprise', year: 2025, league: '150600' }, { limit: 10 }),
    );
    expect(ordos.entries.map((e) => e.grade)).toEqual(['A', 'B', 'D']);
    const ordosA = pageOf(
      await directory.listPublished({ kind: 'enterprise', year: 2025, league: '150600', grade: 'A' }, { limit: 10 }),
    );
    expect(ordosA.entries.map((e) => e.score)).toEqual([96.5]);
    const allA = pageOf(await directory.listPublished({ kind: 'enterprise', year: 2025, grade: 'A' }, { limit: 1 }));
    expect(allA.entries.map((e) => e.league)).toEqual(['150200']);
    const allA2 = pageOf(
      await directory.listPublished({ kind: 'enterprise', year: 2025, grade: 'A' }, { limit: 1, cursor: allA.next! }),
    );
    expect(allA2.entries.map((e) => e.league)).toEqual(['150600']);
    expect(allA2.next).toBeNull();
    const practitioners = await directory.listPublished({ kind: 'practitioner' as Kind, year: 2025 }, { limit: 10 });
    expect(pageOf(practitioners).entries).toEqual([]);
  });

  it('refuses a cursor that is not a key of the same list, before DynamoDB sees it', async () => {
    const first = pageOf(await directory.listPublished({ kind: 'enterprise', year: 2025 }, { limit: 1 }));
    const other = { kind: 'enterprise' as const, year: 2025, league: '150600' };
    expect(await directory.listPublished(other, { limit: 1, cursor: first.next! })).toEqual({ status: 'badCursor' });
    for (const cursor of ['not a cursor', 'e30', Buffer.from('[1]').toString('base64url'), 'x'.repeat(2000)])
      expect(await directory.listPublished({ kind: 'enterprise', year: 2025 }, { limit: 1, cursor })).toEqual({
        status: 'badCursor',
      });
  });

  it('searches a year by a part of the name, page by page', async () => {
    const first = pageOf(await directory.searchPublished('enterprise', 2025, '鄂尔多斯', { limit: 2 }));
    expect(first.entries.map((e) => e.id)).toEqual([uscc(3, '150600'), uscc(4, '150600')]);
    const rest = pageOf(
      await directory.searchPublished('enterprise', 2025, '鄂尔多斯', { limit: 2, cursor: first.next! }),
    );
    expect(rest.entries.map((e) => e.id)).toEqual([uscc(5, '150600')]);
    expect(rest.next).toBeNull();
    expect(pageOf(await directory.searchPublished('enterprise', 2025, '从业人员', { limit: 5 })).entries).toEqual([]);
  });

  it('counts a year’s grades per league', async () => {
    const counts = await directory.gradeCounts('enterprise', 2025);
    expect(counts).toEqual([
      { league: '150200', counts: { A: 1, B: 0, C: 1, D: 0 } },
      { league: '150600', counts: { A: 1, B: 1, C: 0, D: 1 } },
    ]);
  });

  it('reads a subject’s published years with their scores, and none of a practitioner', async () => {
    expect(await directory.publishedHistory({ kind: 'enterprise', id: uscc(1, '150200') })).toEqual([
      { year: 2024, score: 90, grade: 'B', publishedOn: '2025-06-27' },
      { year: 2025, score: 98, grade: 'A', publishedOn: '2026-06-27' },
    ]);
    expect(await directory.publishedHistory({ kind: 'practitioner', id: residentId(8) })).toEqual([]);
  });

  it('moves a re-issued result (Art 23) to its new grade in the lists', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(5, '150600') };
    const reissue = {
      year: 2025,
      grade: 'B' as const,
      publishedOn: '2026-06-27',
      result: { subject: { ...ref, name: '鄂尔多斯市建材有限公司', league: '150600' }, year: 2025, score: 85 } as never,
    };
    const audit = {
      subject: ref,
      at: '2026-09-01T00:00:00Z',
      actor: 'staff:league:150600',
      action: 'published.reissued',
      what: {},
      why: null,
    };
    expect(await published.reissuePublished(ref, reissue, 2, 1, audit)).toBe(true);
    const d = pageOf(await directory.listPublished({ kind: 'enterprise', year: 2025, grade: 'D' }, { limit: 10 }));
    expect(d.entries).toEqual([]);
    const b = pageOf(
      await directory.listPublished({ kind: 'enterprise', year: 2025, league: '150600', grade: 'B' }, { limit: 10 }),
    );
    expect(b.entries.map((e) => [e.id, e.score])).toEqual([
      [uscc(4, '150600'), 88],
      [ref.id, 85],
    ]);
  });
});
