import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListIssuedNotices } from '../../../functions/notices/listIssuedNotices.ts';
import { entryOf, filingFixture, LEAGUE, officerCaller, participantCaller } from '../filing/fixture.ts';
import { issueLateNote } from './noticeFixture.ts';

let fx: Awaited<ReturnType<typeof filingFixture>>;
beforeAll(async () => {
  fx = await filingFixture('issued-notices');
  await issueLateNote(fx.notices, 1, '2026-03-31T01:00:00.000Z');
  await issueLateNote(fx.notices, 2, '2026-03-31T02:00:00.000Z');
  await fx.notices.markRead({ kind: 'agency', id: entryOf(1).code }, 'lateFiling-2025-agency', '2026-04-01T00:00:00Z');
});
afterAll(() => fx?.client.destroy());

describe('ListIssuedNotices', () => {
  it("lists a league's notices newest first with their read receipts, a page at a time", async () => {
    const list = new ListIssuedNotices(fx.notices);
    const first = await list.execute(officerCaller(), LEAGUE, { cursor: null, limit: 1 });
    expect(first.status === 'ok' && first.value.notices.map((n) => [n.toName, n.readAt])).toEqual([['机构2', null]]);
    const cursor = first.status === 'ok' ? first.value.cursor : null;
    const second = await list.execute(officerCaller(), LEAGUE, { cursor, limit: 1 });
    expect(second.status === 'ok' && second.value.notices.map((n) => [n.toName, n.readAt])).toEqual([
      ['机构1', '2026-04-01T00:00:00Z'],
    ]);
    const region = await list.execute({ type: 'staff', claims: { role: 'region' } }, LEAGUE, { cursor: null });
    expect(region.status === 'ok' && region.value.notices).toHaveLength(2);
  });

  it("another league's bureau and participants may not list them", async () => {
    const list = new ListIssuedNotices(fx.notices);
    expect((await list.execute(officerCaller('150100'), LEAGUE, { cursor: null })).status).toBe('forbidden');
    expect((await list.execute(participantCaller(entryOf(1).code), LEAGUE, { cursor: null })).status).toBe('forbidden');
  });
});
