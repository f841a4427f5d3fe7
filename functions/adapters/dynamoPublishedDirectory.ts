import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { LegalDate } from '../../domain/dates.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type {
  LeagueGradeCount,
  PageOutcome,
  PageRequest,
  PublishedDirectory,
  PublishedEntry,
  PublishedKind,
  PublishedListQuery,
  PublishedYear,
} from '../ports/publishedDirectory.ts';
import type { SubjectRef } from '../ports/store.ts';
import { type Item, pagesOf, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/**
 * The published lists on DynamoDB (docs/storage.md #21–#25): two sparse indexes over the published
 * items of enterprises and agencies (`publishedIndex` in keys.ts). GSI2 (`PUBLISHED#<year>#<kind>` /
 * `<league>#<grade>#<id>`) serves a year's list whole or by league (and grade); GSI1
 * (`PUBLISHED#<kind>` / `<year>#<grade>#<league>#<id>`) serves a list by grade alone and the years.
 * Every list is a Query on a key condition; only the name search filters (its cost: docs/storage.md).
 * A page's cursor is the key of its last entry, encoded; a cursor given back is checked to be a key
 * of the same list before DynamoDB sees it.
 */
type IndexName = 'GSI1' | 'GSI2';

interface ListRead {
  readonly index: IndexName;
  readonly partition: string;
  readonly prefix: string;
  readonly filter?: { readonly expression: string; readonly values: Item };
}

const MAX_CURSOR = 1024;
const ENTRY_NAMES = {
  '#n': 'name',
  '#lg': 'league',
  '#sc': 'score',
  '#pub': 'published',
  '#yr': 'year',
  '#gr': 'grade',
  '#po': 'publishedOn',
};
const ENTRY_PROJECTION = 'PK, SK, #pk, #sk, #n, #lg, #sc, #pub.#yr, #pub.#gr, #pub.#po';
const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];
const zeroCounts = (): Record<Grade, number> => ({ A: 0, B: 0, C: 0, D: 0 });

const encodeCursor = (key: Item): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor encodes, if it is a key of this list; null otherwise (never passed to DynamoDB). */
const decodeCursor = (cursor: string, read: ListRead, kind: PublishedKind): Item | null => {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return null;
  const k = key as Record<string, unknown>;
  const names = ['PK', 'SK', `${read.index}PK`, `${read.index}SK`];
  if (Object.keys(k).length !== names.length || !names.every((n) => typeof k[n] === 'string')) return null;
  const [pk, sk, ipk, isk] = names.map((n) => k[n] as string);
  if (!pk!.startsWith(`SUBJECT#${kind}#`) || !sk!.startsWith(keys.publishedPrefix)) return null;
  if (ipk !== read.partition || !isk!.startsWith(read.prefix)) return null;
  return k as Item;
};

const entryOf = (item: Item): PublishedEntry => {
  const subject = keys.subjectOf(item.PK as string);
  const published = item.published as { year: number; grade: Grade | null; publishedOn: LegalDate };
  return {
    kind: subject.kind as PublishedKind,
    id: subject.id,
    name: (item.name as string | undefined) ?? '',
    league: (item.league as string | undefined) ?? 'none',
    year: Number(published.year),
    score: typeof item.score === 'number' ? item.score : null,
    grade: published.grade ?? null,
    publishedOn: published.publishedOn,
  };
};

export class DynamoPublishedDirectory implements PublishedDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * The years of a kind, latest first: one Query of one key per year on GSI1, each starting below
   * the year found before (a skip scan), so the cost grows with the years, not with the results.
   */
  async publishedYears(kind: PublishedKind): Promise<number[]> {
    const years: number[] = [];
    for (let below: string | null = null; years.length < 200; ) {
      const input: QueryCommandInput = {
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: below === null ? 'GSI1PK = :p' : 'GSI1PK = :p AND GSI1SK < :b',
        ExpressionAttributeValues: { ':p': keys.publishedKind(kind), ...(below === null ? {} : { ':b': below }) },
        ProjectionExpression: 'GSI1SK',
        ScanIndexForward: false,
        Limit: 1,
      };
      const item = await this.first(input);
      if (!item) break;
      const year = Number((item.GSI1SK as string).split('#')[0]);
      years.push(year);
      below = `${year}#`;
    }
    return years;
  }

  listPublished(q: PublishedListQuery, page: PageRequest): Promise<PageOutcome> {
    const read: ListRead =
      q.league === undefined && q.grade !== undefined
        ? { index: 'GSI1', partition: keys.publishedKind(q.kind), prefix: `${q.year}#${q.grade}#` }
        : {
            index: 'GSI2',
            partition: keys.publishedYear(q.year, q.kind),
            prefix: q.league === undefined ? '' : `${q.league}#${q.grade === undefined ? '' : `${q.grade}#`}`,
          };
    return this.page(read, q.kind, page);
  }

  /** A filtered Query: it reads the year's whole list of the kind (at most), keeping the names that match. */
  searchPublished(kind: PublishedKind, year: number, text: string, page: PageRequest): Promise<PageOutcome> {
    return this.page(
      {
        index: 'GSI2',
        partition: keys.publishedYear(year, kind),
        prefix: '',
        filter: { expression: 'contains(#n, :t)', values: { ':t': text } },
      },
      kind,
      page,
    );
  }

  /** Reads the year's list of the kind once, only its index sort keys (`<league>#<grade>#<id>`). */
  async gradeCounts(kind: PublishedKind, year: number): Promise<LeagueGradeCount[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :p',
      ExpressionAttributeValues: { ':p': keys.publishedYear(year, kind) },
      ProjectionExpression: 'GSI2SK',
    });
    const byLeague = new Map<string, Record<Grade, number>>();
    for (const item of items) {
      const [league, grade] = (item.GSI2SK as string).split('#') as [string, string];
      if (!GRADES.includes(grade as Grade)) continue;
      const counts = byLeague.get(league) ?? zeroCounts();
      counts[grade as Grade] += 1;
      byLeague.set(league, counts);
    }
    return [...byLeague].map(([league, counts]) => ({ league, counts }));
  }

  async publishedHistory(subject: SubjectRef): Promise<PublishedYear[]> {
    if (subject.kind === 'practitioner') return [];
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': keys.publishedPrefix },
      ExpressionAttributeNames: { '#pub': 'published', '#sc': 'score' },
      ProjectionExpression: '#pub, #sc',
    });
    return items.map((item) => {
      const p = item.published as { year: number; grade: Grade | null; publishedOn: LegalDate; result: unknown };
      // Results published before the list attributes existed carry their score only in the result.
      const score =
        typeof item.score === 'number'
          ? item.score
          : ((
              JSON.parse(typeof p.result === 'string' ? p.result : JSON.stringify(p.result ?? {})) as { score?: number }
            ).score ?? null);
      return { year: Number(p.year), score, grade: p.grade ?? null, publishedOn: p.publishedOn };
    });
  }

  private async first(input: QueryCommandInput): Promise<Item | undefined> {
    for await (const items of pagesOf(this.doc, { kind: 'query', ...input })) if (items.length > 0) return items[0];
    return undefined;
  }

  /**
   * Up to `limit` entries from the cursor on: DynamoDB's pages are read until one more entry than
   * asked is found (so the last page says it is the last), then the cursor is the key of the last
   * entry given — a filtered Query may stop anywhere within a page of DynamoDB's.
   */
  private async page(read: ListRead, kind: PublishedKind, page: PageRequest): Promise<PageOutcome> {
    let start: Item | undefined;
    if (page.cursor !== undefined) {
      const key = decodeCursor(page.cursor, read, kind);
      if (key === null) return { status: 'badCursor' };
      start = key;
    }
    const pk = `${read.index}PK`;
    const sk = `${read.index}SK`;
    const input: QueryCommandInput = {
      TableName: this.table,
      IndexName: read.index,
      KeyConditionExpression: read.prefix === '' ? '#pk = :p' : '#pk = :p AND begins_with(#sk, :s)',
      ExpressionAttributeNames: { '#pk': pk, '#sk': sk, ...ENTRY_NAMES },
      // The list's fields only, not the stored result.
      ProjectionExpression: ENTRY_PROJECTION,
      ExpressionAttributeValues: {
        ':p': read.partition,
        ...(read.prefix === '' ? {} : { ':s': read.prefix }),
        ...(read.filter?.values ?? {}),
      },
      ...(read.filter ? { FilterExpression: read.filter.expression } : {}),
      ...(start ? { ExclusiveStartKey: start } : {}),
      // Unfiltered, one more than asked is enough; a filtered read takes bigger pages.
      Limit: read.filter ? Math.max(100, page.limit * 4) : page.limit + 1,
    };
    const found: Item[] = [];
    for await (const items of pagesOf(this.doc, { kind: 'query', ...input })) {
      found.push(...items);
      if (found.length > page.limit) break;
    }
    const entries = found.slice(0, page.limit);
    const last = entries.at(-1);
    const next =
      found.length > page.limit && last
        ? encodeCursor({ PK: last.PK, SK: last.SK, [pk]: last[pk], [sk]: last[sk] })
        : null;
    return { status: 'ok', page: { entries: entries.map(entryOf), next } };
  }
}
