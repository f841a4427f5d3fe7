import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListedEmployers } from '../../../functions/lookup/listedEmployers.ts';
import { ReadNotice } from '../../../functions/notices/readNotice.ts';
import { residentId } from '../../support/builders.ts';
import { entryOf, filingFixture, participantCaller } from '../filing/fixture.ts';
import { fileListedAndPending, issueLateNote } from './noticeFixture.ts';

/** Opening a notice records its read receipt once; only its participant opens it. */
let fx: Awaited<ReturnType<typeof filingFixture>>;
const a = entryOf(1);
const ref = { kind: 'agency' as const, id: a.code };
beforeAll(async () => {
  fx = await filingFixture('read-notice');
  await issueLateNote(fx.notices, 1);
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

describe('ReadNotice of a practitioner the unit filed (Art 18(1), 18(4))', () => {
  it('the unit whose filing was listed opens the practitioner’s notice, which records the read receipt; another unit, or one whose filing is pending, is refused', async () => {
    const listed = residentId(51, '150602');
    const pending = residentId(52, '150602');
    const filings = await fileListedAndPending(fx, listed, pending);
    const read = new ReadNotice(fx.notices, fx.clock, new ListedEmployers(fx.store, filings));
    const id = 'confirmation-2025-practitioner';
    const other = entryOf(2);
    expect(
      (await read.execute(participantCaller(other.code), { kind: 'agency', id: other.code }, id, listed)).status,
    ).toBe('forbidden');
    expect((await read.execute(participantCaller(a.code), ref, id, pending)).status).toBe('forbidden');
    expect((await read.execute(participantCaller(a.code), ref, id, 'not-a-number')).status).toBe('forbidden');
    const opened = await read.execute(participantCaller(a.code), ref, id, listed);
    expect(opened).toMatchObject({ status: 'ok', value: { to: { kind: 'practitioner', id: listed } } });
    expect(opened.status === 'ok' && opened.value.readAt).not.toBeNull();
    expect((await fx.notices.notice({ kind: 'practitioner', id: listed }, id))?.readAt).not.toBeNull();
    expect((await fx.notices.notice({ kind: 'practitioner', id: pending }, id))?.readAt).toBeNull();
  });
});
