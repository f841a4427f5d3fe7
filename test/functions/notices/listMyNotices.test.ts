import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListedEmployers } from '../../../functions/lookup/listedEmployers.ts';
import { ListMyNotices } from '../../../functions/notices/listMyNotices.ts';
import { residentId } from '../../support/builders.ts';
import { entryOf, filingFixture, officerCaller, participantCaller } from '../filing/fixture.ts';
import { fileListedAndPending, issueLateNote } from './noticeFixture.ts';

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

describe('ListMyNotices for the practitioners a unit filed (Art 18(1), 18(4))', () => {
  it('a unit lists, beside its own, the notices of a practitioner it filed and the bureau listed; not of one pending, nor another unit', async () => {
    const listed = residentId(41, '150602');
    const pending = residentId(42, '150602');
    const filings = await fileListedAndPending(fx, listed, pending);
    const list = new ListMyNotices(fx.notices, new ListedEmployers(fx.store, filings), fx.clock);
    const a = entryOf(1);
    const mine = await list.execute(participantCaller(a.code), { kind: 'agency', id: a.code });
    expect(mine.status === 'ok' && mine.value.map((n) => [n.id, n.to.id])).toEqual([
      ['confirmation-2025-practitioner', listed],
      ['lateFiling-2025-agency', a.code],
    ]);
    const b = entryOf(2);
    const theirs = await list.execute(participantCaller(b.code), { kind: 'agency', id: b.code });
    expect(theirs.status === 'ok' && theirs.value.map((n) => n.to.kind)).toEqual(['agency']);
  });
});
