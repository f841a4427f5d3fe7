import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadNotice } from '../../../functions/notices/readNotice.ts';
import { entryOf, filingFixture, LEAGUE, participantCaller } from '../filing/fixture.ts';

/** Opening a notice records its read receipt once; only its participant opens it. */
let fx: Awaited<ReturnType<typeof filingFixture>>;
const a = entryOf(1);
const ref = { kind: 'agency' as const, id: a.code };
beforeAll(async () => {
  fx = await filingFixture('read-notice');
  await fx.notices.issue({
    id: 'lateFiling-2025-agency',
    kind: 'lateFiling',
    to: ref,
    toName: a.name,
    league: LEAGUE,
    year: 2025,
    title: '2025年度环保信用评价逾期填报告知',
    body: '正文',
    deadline: null,
    issuedAt: '2026-03-31T01:00:00.000Z',
    issuedBy: 'system:deadline',
  });
});
afterAll(() => fx?.client.destroy());

describe('ReadNotice', () => {
  it('another participant cannot open it; an unknown or malformed id is not found', async () => {
    const read = new ReadNotice(fx.notices, fx.clock);
    expect((await read.execute(participantCaller(entryOf(2).code), ref, 'lateFiling-2025-agency')).status).toBe(
      'forbidden',
    );
    expect((await read.execute(participantCaller(a.code), ref, 'nope')).status).toBe('notFound');
    expect((await read.execute(participantCaller(a.code), ref, '../x y')).status).toBe('notFound');
  });

  it('the first opening is the read receipt; a later one changes nothing', async () => {
    const read = new ReadNotice(fx.notices, fx.clock);
    const first = await read.execute(participantCaller(a.code), ref, 'lateFiling-2025-agency');
    expect(first).toMatchObject({ status: 'ok', value: { readAt: '2026-03-02T02:00:00.000Z', body: '正文' } });
    fx.clock.freeze(new Date('2026-03-09T02:00:00Z'));
    const again = await read.execute(participantCaller(a.code), ref, 'lateFiling-2025-agency');
    expect(again).toMatchObject({ status: 'ok', value: { readAt: '2026-03-02T02:00:00.000Z' } });
  });
});
