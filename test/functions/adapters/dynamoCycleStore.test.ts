import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { openCycle } from '../../../domain/cycles/cycle.ts';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { freshTable } from '../../support/table.ts';

/** The cycle store's guarantees, on real DynamoDB Local. */
let client: DynamoDBClient;
let store: DynamoCycleStore;
let table: string;
beforeAll(async () => {
  const fresh = await freshTable('cycles');
  client = fresh.client;
  table = fresh.table;
  store = new DynamoCycleStore(client, fresh.table);
});
afterAll(() => client?.destroy());

describe('the cycle store', () => {
  const { cycle } = openCycle('agency', 2025, '2026-03-02T00:00:00Z', officialWorkingCalendar());
  const target = (deadlineId: string, at: string) => ({
    kind: 'cycle' as const,
    owner: { kind: 'cycle' as const, year: 2025, cycleKind: 'agency' as const },
    deadlineId,
    at,
  });

  it('creates a cycle once, then only from the version that was read', async () => {
    expect(await store.writeCycle({ cycle, expectedVersion: null, scheduled: [], unscheduled: [], audit: [] })).toBe(
      true,
    );
    expect(await store.writeCycle({ cycle, expectedVersion: null, scheduled: [], unscheduled: [], audit: [] })).toBe(
      false,
    );
    const next = { ...cycle, version: cycle.version + 1 };
    expect(
      await store.writeCycle({
        cycle: next,
        expectedVersion: cycle.version,
        scheduled: [],
        unscheduled: [],
        audit: [],
      }),
    ).toBe(true);
    expect(
      await store.writeCycle({
        cycle: { ...next, version: next.version + 1 },
        expectedVersion: cycle.version,
        scheduled: [],
        unscheduled: [],
        audit: [],
      }),
    ).toBe(false);
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

  it('indexes a subject’s deadline under its subject’s key and its kind-prefixed id, and reads it back typed', async () => {
    const warning = {
      kind: 'warning' as const,
      owner: { kind: 'subject' as const, subject: { kind: 'enterprise' as const, id: '91150100MA0000001X' } },
      deadlineId: 'E-1',
      at: '2026-02-01T15:59:59.000Z',
    };
    await store.indexDeadline(warning);
    const raw = await DynamoDBDocumentClient.from(client).send(
      new GetCommand({
        TableName: table,
        Key: { PK: 'DEADLINE#SUBJECT#enterprise#91150100MA0000001X', SK: 'WARNING#E-1' },
      }),
    );
    expect(raw.Item).toMatchObject({
      GSI2PK: 'DUE',
      GSI2SK: '2026-02-01T15:59:59.000Z#SUBJECT#enterprise#91150100MA0000001X#WARNING#E-1',
      target: { kind: 'warning', owner: 'SUBJECT#enterprise#91150100MA0000001X', deadlineId: 'WARNING#E-1' },
    });
    expect(await store.dueDeadlines('2026-02-02T00:00:00.000Z')).toEqual([warning]);
    await store.unindexDeadline(warning);
    expect(await store.dueDeadlines('2026-02-02T00:00:00.000Z')).toEqual([]);
  });

  it('keeps loaded calendars and the audit of a cycle', async () => {
    const data = { years: { '2027': { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] } } };
    await store.putCalendar(2027, data, {
      owner: { kind: 'calendar' },
      at: '2026-12-01T00:00:00Z',
      actor: 'staff:region:150000',
      action: 'calendar.loaded',
      what: { year: 2027 },
      why: null,
    });
    expect(await store.calendars()).toEqual([data]);
    expect((await store.auditOfCycle({ kind: 'calendar' }))[0]).toMatchObject({
      action: 'calendar.loaded',
      owner: { kind: 'calendar' },
    });
  });
});
