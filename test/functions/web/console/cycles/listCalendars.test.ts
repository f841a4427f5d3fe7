import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../../../functions/adapters/dynamoCycleStore.ts';
import { LocalScheduler } from '../../../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../../../functions/cycles/cycleTransitions.ts';
import { LoadCalendar } from '../../../../../functions/cycles/loadCalendar.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { ListCalendars } from '../../../../../functions/web/console/cycles/listCalendars.ts';
import { freshTable } from '../../../../support/table.ts';

/** The official calendars working days are counted on (I11): built in, and loaded since with who loaded them. */
let client: DynamoDBClient;
let cycles: DynamoCycleStore;
let transitions: CycleTransitions;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));

beforeAll(async () => {
  const fresh = await freshTable('calendars');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
  transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
});
afterAll(() => client?.destroy());

describe('the calendars in use', () => {
  it('lists the built-in years, then a loaded year with when and by whom', async () => {
    const list = new ListCalendars(cycles);
    const region = { type: 'staff' as const, claims: { role: 'region' as const } };
    let r = await list.execute(region);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.years.map((y) => [y.year, y.source])).toEqual([
      [2026, 'builtIn'],
      [2025, 'builtIn'],
      [2024, 'builtIn'],
    ]);
    expect(r.value.mayLoad).toBe(true);
    await new LoadCalendar(cycles, transitions).execute({ role: 'region' }, 2027, {
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    });
    r = await list.execute(region);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.years[0]).toEqual({
      year: 2027,
      source: 'loaded',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
      loadedAt: '2026-11-20T02:00:00.000Z',
      loadedBy: 'staff:region:150000',
    });
  });

  it('a league bureau reads them but may not load one; participants are refused', async () => {
    const r = await new ListCalendars(cycles).execute({ type: 'staff', claims: { role: 'league', league: '150600' } });
    expect(r.status === 'ok' && r.value.mayLoad).toBe(false);
    expect((await new ListCalendars(cycles).execute({ type: 'public' })).status).toBe('unauthorized');
  });
});
