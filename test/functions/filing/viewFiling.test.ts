import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewFiling } from '../../../functions/filing/viewFiling.ts';
import { uscc } from '../../support/builders.ts';
import { entryOf, filingFixture, participantCaller } from './fixture.ts';

/** Art 20: what a participant must file, by when, and where it stands. */
let fx: Awaited<ReturnType<typeof filingFixture>>;
beforeAll(async () => {
  fx = await filingFixture('view-filing');
});
afterAll(() => fx?.client.destroy());

const a = entryOf(1);
const ref = { kind: 'agency' as const, id: a.code };
const useCase = () =>
  new ViewFiling(
    { profiles: fx.store, cycles: fx.cycles, participants: fx.participants, filings: fx.filings },
    fx.clock,
  );

describe('ViewFiling', () => {
  it('before the notice: what to file, but no window and no status', async () => {
    const out = await useCase().execute(participantCaller(a.code), ref);
    expect(out).toMatchObject({
      status: 'ok',
      value: { year: 2025, window: null, status: null, workingDaysLeft: null },
    });
    expect(out.status === 'ok' && out.value.items.map((i) => i.key)).toEqual(['basic', 'records', 'commitment']);
  });

  it('after the notice: the deadline and the working days left; once it passed, missing and overdue', async () => {
    await fx.notify();
    const open = await useCase().execute(participantCaller(a.code), ref);
    expect(open).toMatchObject({ status: 'ok', value: { status: 'open', workingDaysLeft: 20 } });
    expect(open.status === 'ok' && open.value.window?.closesOn).toBe('2026-03-30');
    fx.clock.freeze(new Date('2026-04-01T02:00:00Z'));
    expect(await useCase().execute(participantCaller(a.code), ref)).toMatchObject({
      status: 'ok',
      value: { status: 'missing', workingDaysLeft: -2 },
    });
  });

  it('a unit listed before it was registered finds its filing on its league’s list all the same', async () => {
    const unregistered = { ...entryOf(4), code: uscc(4, '150100'), league: '150100' as const };
    await fx.participants.putParticipants({ year: 2025, kind: 'agency', league: '150100' }, [unregistered], {
      at: '2026-03-01T00:00:00Z',
      actor: 'staff:league:150100',
      action: 'participants.imported',
      what: {},
      why: null,
      afterConfirmation: false,
    });
    const out = await useCase().execute(participantCaller(unregistered.code), {
      kind: 'agency',
      id: unregistered.code,
    });
    expect(out).toMatchObject({ status: 'ok', value: { year: 2025, window: null } });
  });

  it('a unit not on the list is not found; another unit may not look', async () => {
    const c = entryOf(3);
    expect((await useCase().execute(participantCaller(c.code), { kind: 'agency', id: c.code })).status).toBe(
      'notFound',
    );
    expect((await useCase().execute(participantCaller(c.code), ref)).status).toBe('forbidden');
  });
});
