import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { openCycle } from '../../../domain/cycles/cycle.ts';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { freshTable } from '../../support/table.ts';

/** The cycle store's guarantees, on real DynamoDB Local. */
let client: DynamoDBClient;
let store: DynamoCycleStore;
beforeAll(async () => {
  const fresh = await freshTable('cycles');
  client = fresh.client;
  store = new DynamoCycleStore(client, fresh.table);
});
afterAll(() => client?.destroy());

describe('the cycle store', () => {
  const { cycle } = openCycle('agency', 2025, '2026-03-02T00:00:00Z', officialWorkingCalendar());
  const target = (deadlineId: string, at: string) => ({ kind: 'cycle' as const, owner: 'CYCLE#2025#agency', deadlineId, at });

  it('creates a cycle once, then only from the version that was read', async () => {
    expect(await store.writeCycle({ cycle, expectedVersion: null, scheduled: [], unscheduled: [], audit: [] })).toBe(true);
    expect(await store.writeCycle({ cycle, expectedVersion: null, scheduled: [], unscheduled: [], audit: [] })).toBe(false);
    const next = { ...cycle, version: cycle.version + 1 };
    expect(await store.writeCycle({ cycle: next, expectedVersion: cycle.version, scheduled: [], unscheduled: [], audit: [] })).toBe(true);
    expect(await store.writeCycle({ cycle: { ...next, version: next.version + 1 }, expectedVersion: cycle.version, scheduled: [], unscheduled: [], audit: [] })).toBe(false);
    expect((await store.getCycle(2025, 'agency'))!.version).toBe(next.version);
    expect((await store.listCycles()).map((c) => `${c.year}#${c.kind}`)).toEqual(['2025#agency']);
  });

  it('indexes scheduled deadlines by due time for the sweep, and forgets them', async () => {
    await store.indexDeadline(target('A.end', '2026-04-01T15:59:59.000Z'));
    await store.indexDeadline(target('B.end', '2026-05-01T15:59:59.000Z'));
    expect((await store.dueDeadlines('2026-04-30T00:00:00.000Z')).map((t) => t.deadlineId)).toEqual(['A.end']);
    // Rescheduling keeps one entry per deadline, at its new instant.
    await store.indexDeadline(target('A.end', '2026-06-01T15:59:59.000Z'));
    expect((await store.dueDeadlines('2026-05-31T00:00:00.000Z')).map((t) => t.deadlineId)).toEqual(['B.end']);
    await store.unindexDeadline(target('B.end', ''));
    expect(await store.dueDeadlines('2026-05-31T00:00:00.000Z')).toEqual([]);
  });

  it('keeps loaded calendars and the audit of a cycle', async () => {
    const data = { years: { '2027': { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] } } };
    await store.putCalendar(2027, data, { owner: 'CALENDAR', at: '2026-12-01T00:00:00Z', actor: 'staff:region:150000', action: 'calendar.loaded', what: { year: 2027 }, why: null });
    expect(await store.calendars()).toEqual([data]);
    expect((await store.auditOfCycle('CALENDAR'))[0]).toMatchObject({ action: 'calendar.loaded' });
  });
});
