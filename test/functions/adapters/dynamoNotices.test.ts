import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import type { IssuedNotice } from '../../../functions/ports/notices.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('notices'));
  doc = documentClient(client);
});
afterAll(() => client?.destroy());

const notice = (n: number, over: Partial<IssuedNotice> = {}): Omit<IssuedNotice, 'readAt'> => ({
  id: `participants-2025-agency`,
  kind: 'participants',
  to: { kind: 'agency', id: uscc(n, '150600') },
  toName: `机构${n}`,
  league: '150600',
  year: 2025,
  title: '关于参加2025年度环保信用评价的通知',
  body: `机构${n}：\n\n请于2026年4月1日前完成填报。`,
  deadline: '2026-04-01',
  issuedAt: `2026-03-0${1 + (n % 9)}T02:00:00.000Z`,
  issuedBy: 'staff:league:150600',
  ...over,
});

describe('notices on DynamoDB', () => {
  it('issues a notice once: issuing it again is `exists` and leaves the text as first issued', async () => {
    const store = new DynamoNotices(doc, table);
    const first = notice(1);
    expect(await store.issue(first)).toBe('issued');
    expect(await store.issue({ ...first, body: '另一段文字', issuedAt: '2026-03-09T00:00:00.000Z' })).toBe('exists');
    expect(await store.notice(first.to, first.id)).toEqual({ ...first, readAt: null });
    expect(await store.noticesTo(first.to)).toEqual([{ ...first, readAt: null }]);
  });

  it('records only the first reading', async () => {
    const store = new DynamoNotices(doc, table);
    const n = notice(2);
    await store.issue(n);
    await store.markRead(n.to, n.id, '2026-03-05T01:00:00.000Z');
    await store.markRead(n.to, n.id, '2026-03-06T01:00:00.000Z');
    expect((await store.notice(n.to, n.id))?.readAt).toBe('2026-03-05T01:00:00.000Z');
  });

  it('reading a notice that was never issued stores nothing', async () => {
    const store = new DynamoNotices(doc, table);
    const to = { kind: 'agency' as const, id: uscc(3, '150600') };
    await store.markRead(to, 'participants-2025-agency', '2026-03-05T01:00:00.000Z');
    expect(await store.notice(to, 'participants-2025-agency')).toBeNull();
  });

  it("pages a bureau's notices newest first with a cursor, and refuses a bad cursor with an empty page", async () => {
    const store = new DynamoNotices(doc, table);
    const league = '152900' as const;
    const all = Array.from({ length: 7 }, (_, i) =>
      notice(100 + i, { league, issuedAt: `2026-04-0${i + 1}T00:00:00.000Z`, id: `lateFiling-2025-agency` }),
    );
    for (const n of all) await store.issue(n);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await store.noticesOf(league, { limit: 3, cursor });
      expect(page.notices.length).toBeLessThanOrEqual(3);
      seen.push(...page.notices.map((n) => n.issuedAt));
      cursor = page.cursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((n) => n.issuedAt).reverse());
    expect(await store.noticesOf(league, { limit: 3, cursor: 'not-a-cursor!' })).toEqual({ notices: [], cursor: null });
    expect(
      await store.noticesOf(league, { limit: 3, cursor: Buffer.from('PROFILE', 'utf8').toString('base64url') }),
    ).toEqual({ notices: [], cursor: null });
  });
});
