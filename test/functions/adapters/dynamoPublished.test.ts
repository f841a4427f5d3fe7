import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../../functions/adapters/dynamoAudit.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedResults } from '../../../functions/adapters/dynamoPublished.ts';
import type { PublishedGradeItem } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let published: DynamoPublishedResults;
let audit: DynamoAuditLog;
beforeAll(async () => {
  const fresh = await freshTable('published');
  client = fresh.client;
  published = new DynamoPublishedResults(documentClient(client), fresh.table);
  audit = new DynamoAuditLog(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const subject = { kind: 'enterprise' as const, id: uscc(51) };
const item = (year: number, score: number, reissue?: number): PublishedGradeItem => ({
  year,
  grade: 'B',
  publishedOn: `${year + 1}-06-30`,
  result: {
    subject: { kind: 'enterprise', id: subject.id, name: '乙', league: '150100' },
    year,
    score,
    ...(reissue ? { reissue: { version: reissue } } : {}),
  } as never,
});
const reissued = {
  subject,
  at: '2026-09-01T00:00:00Z',
  actor: 'staff:league:150100:officer-1',
  action: 'published.reissued',
  what: {},
  why: null,
};

describe('published results (Art 20) and their re-issues (Art 23)', () => {
  it('reads a year’s publication and the latest one, keeping the result’s fields in order', async () => {
    expect(await published.latestPublished(subject)).toBeNull();
    expect(await published.putPublished(subject, item(2024, 900))).toBe(true);
    expect(await published.putPublished(subject, item(2025, 880))).toBe(true);
    expect((await published.latestPublished(subject))?.year).toBe(2025);
    const read = await published.getPublished(subject, 2024);
    expect(Object.keys(read!.result)).toEqual(['subject', 'year', 'score']);
    expect(await published.getPublished(subject, 2023)).toBeNull();
  });

  it('re-issues only over the issue expected, audited in the same write; the original never replaces it', async () => {
    expect(await published.reissuePublished(subject, item(2025, 890, 2), 2, 1, reissued)).toBe(true);
    expect(await published.reissuePublished(subject, item(2025, 895, 2), 2, 1, reissued)).toBe(false);
    expect(await published.putPublished(subject, item(2025, 880))).toBe(false);
    expect((await published.getPublished(subject, 2025))?.result).toMatchObject({ score: 890 });
    expect((await audit.auditOf(subject)).map((e) => e.action)).toEqual(['published.reissued']);
    expect(await published.reissuePublished(subject, item(2023, 1, 2), 2, 1, reissued)).toBe(false);
  });
});
