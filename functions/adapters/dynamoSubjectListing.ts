import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SubjectKind } from '../../domain/catalogue/kinds.ts';
import { refKey, type SnapshotHead, type SubjectListing } from '../ports/consoleLists.ts';
import type { StoredProfile, SubjectRef } from '../ports/store.ts';
import { batchGetAll, type Item, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** The console's subject lists on DynamoDB: profiles by league (GSI1 #10), live grades by year and league (GSI1 #11). */
export class DynamoSubjectListing implements SubjectListing {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async profilesOf(league: string | null, kind: SubjectKind): Promise<StoredProfile[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :p',
      ExpressionAttributeValues: { ':p': keys.league(league, kind) },
      ProjectionExpression: 'profile',
    });
    return items.map((i) => i.profile as StoredProfile);
  }

  /** Only the index keys are read: the grade is in the snapshot's GSI1 sort key (`GRADE#<g>#<kind>#<id>`). */
  async gradesOf(year: number, league: string | null): Promise<Map<string, string>> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :p AND begins_with(GSI1SK, :g)',
      ExpressionAttributeValues: { ':p': keys.yearLeague(year, league), ':g': 'GRADE#' },
      ProjectionExpression: 'GSI1SK',
    });
    const out = new Map<string, string>();
    for (const item of items) {
      const [, grade, kind, id] = String(item.GSI1SK).split('#');
      out.set(`${kind}:${id}`, grade!);
    }
    return out;
  }

  async snapshotHeads(refs: readonly SubjectRef[], year: number): Promise<Map<string, SnapshotHead>> {
    const items = await this.batch(refs.map((r) => ({ PK: keys.subject(r), SK: keys.snapshot(year) })));
    const out = new Map<string, SnapshotHead>();
    for (const item of items) {
      const snapshot = item.snapshot as { asOf: string; result: string | Record<string, unknown> } | undefined;
      if (!snapshot) continue;
      const r = (typeof snapshot.result === 'string' ? JSON.parse(snapshot.result) : snapshot.result) as {
        score?: number;
        grade?: SnapshotHead['grade'];
        dishonest?: boolean | null;
      };
      out.set(refKey(keys.subjectOf(String(item.PK))), {
        score: typeof r.score === 'number' ? r.score : null,
        grade: r.grade ?? null,
        dishonest: typeof r.dishonest === 'boolean' ? r.dishonest : null,
        asOf: snapshot.asOf,
      });
    }
    return out;
  }

  async profilesByRef(refs: readonly SubjectRef[]): Promise<Map<string, StoredProfile>> {
    const items = await this.batch(refs.map((r) => ({ PK: keys.subject(r), SK: keys.profile })));
    const out = new Map<string, StoredProfile>();
    for (const item of items) {
      const profile = item.profile as StoredProfile | undefined;
      if (profile) out.set(refKey(profile.subject), profile);
    }
    return out;
  }

  private batch(keyList: Item[]): Promise<Item[]> {
    const unique = [...new Map(keyList.map((k) => [`${k.PK}|${k.SK}`, k])).values()];
    return unique.length === 0
      ? Promise.resolve([])
      : batchGetAll(this.doc, this.table, unique, { consistentRead: false });
  }
}
