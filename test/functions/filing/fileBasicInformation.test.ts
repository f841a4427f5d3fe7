import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBasicInformation } from '../../../functions/filing/fileBasicInformation.ts';
import { entryOf, filingFixture, participantCaller } from './fixture.ts';

/** Art 20: a participant files its basic information once; late is accepted and marked late. */
let fx: Awaited<ReturnType<typeof filingFixture>>;
beforeAll(async () => {
  fx = await filingFixture('file-basic');
});
afterAll(() => fx?.client.destroy());

const useCase = () =>
  new FileBasicInformation(
    { profiles: fx.store, cycles: fx.cycles, participants: fx.participants, filings: fx.filings },
    fx.filings,
    fx.clock,
  );
const first = entryOf(1);
const ref = { kind: 'agency' as const, id: first.code };
const eia = { sites: '', categories: ['eia'] };

describe('FileBasicInformation', () => {
  it('before the league notified its participants there is nothing to file in', async () => {
    expect(await useCase().execute(participantCaller(first.code), ref, eia)).toMatchObject({
      status: 'conflict',
      code: 'FILING_NOT_OPEN',
    });
    expect(await fx.filings.filing(ref, 2025)).toBeNull();
  });

  it('only the participant itself files, and only a participant on the list', async () => {
    await fx.notify();
    expect((await useCase().execute(participantCaller(entryOf(2).code), ref, eia)).status).toBe('forbidden');
    const outsider = entryOf(3);
    expect(
      (await useCase().execute(participantCaller(outsider.code), { kind: 'agency', id: outsider.code }, eia)).status,
    ).toBe('notFound');
  });

  it('bad input is refused naming the field, and nothing is stored', async () => {
    const out = await useCase().execute(participantCaller(first.code), ref, { sites: '', categories: [] });
    expect(out).toMatchObject({ status: 'invalid', issues: [{ path: 'categories' }] });
    expect(await fx.filings.filing(ref, 2025)).toBeNull();
  });

  it('files once within the window: on time; a second filing is refused and changes nothing', async () => {
    expect(await useCase().execute(participantCaller(first.code), ref, eia)).toEqual({
      status: 'ok',
      value: { status: 'onTime' },
    });
    const stored = await fx.filings.filing(ref, 2025);
    expect(stored).toMatchObject({ filedAt: '2026-03-02T02:00:00.000Z', basic: { categories: ['eia'] } });
    expect(stored?.window.closesOn).toBe('2026-03-30');
    fx.clock.freeze(new Date('2026-03-05T02:00:00Z'));
    expect(
      await useCase().execute(participantCaller(first.code), ref, { sites: '', categories: ['monitoring'] }),
    ).toMatchObject({ status: 'conflict', code: 'FILING_DONE' });
    expect(await fx.filings.filing(ref, 2025)).toEqual(stored);
  });

  it('a filing after the window closed is accepted and marked late', async () => {
    const second = entryOf(2);
    fx.clock.freeze(new Date('2026-04-02T02:00:00Z'));
    expect(await useCase().execute(participantCaller(second.code), { kind: 'agency', id: second.code }, eia)).toEqual({
      status: 'ok',
      value: { status: 'late' },
    });
  });
});
