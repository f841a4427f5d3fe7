import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListMyNotices } from '../../../functions/notices/listMyNotices.ts';
import { entryOf, filingFixture, officerCaller, participantCaller } from '../filing/fixture.ts';
import { issueLateNote } from './noticeFixture.ts';

let fx: Awaited<ReturnType<typeof filingFixture>>;
beforeAll(async () => {
  fx = await filingFixture('my-notices');
  await issueLateNote(fx.notices, 1);
  await issueLateNote(fx.notices, 2);
});
afterAll(() => fx?.client.destroy());

describe('ListMyNotices', () => {
  it('a participant lists its own notices only; nobody else reads them here', async () => {
    const a = entryOf(1);
    const ref = { kind: 'agency' as const, id: a.code };
    const mine = await new ListMyNotices(fx.notices).execute(participantCaller(a.code), ref);
    expect(mine.status === 'ok' && mine.value.map((n) => [n.id, n.toName])).toEqual([
      ['lateFiling-2025-agency', '机构1'],
    ]);
    expect((await new ListMyNotices(fx.notices).execute(officerCaller(), ref)).status).toBe('forbidden');
    expect((await new ListMyNotices(fx.notices).execute(participantCaller(entryOf(2).code), ref)).status).toBe(
      'forbidden',
    );
  });
});
