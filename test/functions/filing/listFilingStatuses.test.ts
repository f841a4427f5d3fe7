import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListFilingStatuses } from '../../../functions/filing/listFilingStatuses.ts';
import { entryOf, filingFixture, LEAGUE, officerCaller } from './fixture.ts';

/** The console's 填报情况 of a league's list (Art 20). */
let fx: Awaited<ReturnType<typeof filingFixture>>;
beforeAll(async () => {
  fx = await filingFixture('filing-statuses');
});
afterAll(() => fx?.client.destroy());

const list = { year: 2025, kind: 'agency' as const, league: LEAGUE };
const useCase = () => new ListFilingStatuses(fx.cycles, fx.participants, fx.filings, fx.clock);

describe('ListFilingStatuses', () => {
  it('is empty until the league notified its participants, and only for its own bureau', async () => {
    expect(await useCase().execute(officerCaller(), list)).toEqual({ status: 'ok', value: new Map() });
    expect((await useCase().execute(officerCaller('150100'), list)).status).toBe('forbidden');
  });

  it('says who filed in time and who is still to file, then who never did', async () => {
    await fx.notify();
    const [a, b] = [entryOf(1), entryOf(2)];
    await fx.filings.file(
      { kind: 'agency', id: a.code },
      {
        year: 2025,
        kind: 'agency',
        code: a.code,
        league: LEAGUE,
        window: {
          opensOn: '2026-03-02',
          opensAt: '2026-03-01T16:00:00.000Z',
          closesOn: '2026-03-30',
          closesAt: '2026-03-30T15:59:59.000Z',
        },
        filedAt: '2026-03-03T02:00:00.000Z',
        filedBy: `participant:agency:${a.code}`,
        basic: { sites: [], categories: ['eia'] },
        markedMissingAt: null,
      },
    );
    const now = await useCase().execute(officerCaller(), list);
    expect(now.status === 'ok' && Object.fromEntries(now.value)).toEqual({ [a.code]: 'onTime', [b.code]: 'open' });
    fx.clock.freeze(new Date('2026-03-31T02:00:00Z'));
    const after = await useCase().execute(officerCaller(), list);
    expect(after.status === 'ok' && Object.fromEntries(after.value)).toEqual({
      [a.code]: 'onTime',
      [b.code]: 'missing',
    });
  });
});
