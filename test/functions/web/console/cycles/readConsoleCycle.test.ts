import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../../../functions/adapters/dynamoCycleStore.ts';
import { LocalScheduler } from '../../../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../../../functions/cycles/openCycle.ts';
import { ReadCycle } from '../../../../../functions/cycles/readCycle.ts';
import { RecordAct } from '../../../../../functions/cycles/recordAct.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { ReadConsoleCycle } from '../../../../../functions/web/console/cycles/readConsoleCycle.ts';
import { freshTable } from '../../../../support/table.ts';

/** A cycle in the console: the caller's leagues, and the acts the rules would accept from the caller now. */
let client: DynamoDBClient;
let cycles: DynamoCycleStore;
let transitions: CycleTransitions;
let read: ReadConsoleCycle;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };

beforeAll(async () => {
  const fresh = await freshTable('console-cycle');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
  transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
  read = new ReadConsoleCycle(new ReadCycle(cycles, transitions), cycles, transitions);
  await new OpenCycle(cycles, transitions).execute({ role: 'region' }, { kind: 'agency', year: 2026 });
});
afterAll(() => client?.destroy());

const record = (act: string, league?: string, caseId?: string) =>
  new RecordAct(cycles, transitions, async () => 0).execute(
    { role: 'region' },
    { year: 2026, kind: 'agency' },
    { act: act as never, ...(league ? { league } : {}), ...(caseId ? { caseId } : {}) },
    null,
  );

describe('a cycle in the console', () => {
  it('a league bureau sees its own league and is offered its own league acts only (Art 8)', async () => {
    const r = await read.execute(ordos, 2026, 'agency');
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.view.leagues.map((l) => l.league)).toEqual(['150600']);
    expect(r.value.view.deadlines.every((d) => d.league === null || d.league === '150600')).toBe(true);
    expect(r.value.offers.map((o) => [o.act, o.league])).toEqual([['listConfirmed', '150600']]);
    expect(r.value.offers[0]!.stageChange).toEqual({ from: 'LISTING', to: 'FILING', league: '150600' });
    expect(r.value.offers[0]!.starts).toEqual([]);
    // LISTING must end by 2027-03-31 (Art 17(1)); 2027 has no official calendar yet, so days are counted on weekdays.
    expect(r.value.workingDaysLeft['LISTING.end@150600']).toBeGreaterThan(80);
  });

  it('offers the act that opens a window with the deadline it would start (Art 20)', async () => {
    await record('listConfirmed', '150600');
    const r = await read.execute(ordos, 2026, 'agency');
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.offers).toEqual([
      {
        act: 'participantsNotified',
        league: '150600',
        caseId: null,
        asksCaseId: false,
        stageChange: null,
        starts: [{ stage: 'FILING', on: '2026-12-18', type: 'window', article: 'Art 20', provisional: false }],
      },
    ]);
  });

  it('asks for a case number while objections are received, and offers each open objection’s review (Art 17(3))', async () => {
    await record('participantsNotified', '150600');
    clock.freeze(new Date('2026-12-19T02:00:00Z'));
    try {
      // The filing window closed by itself; SUPPLEMENT, then the confirmation window.
      await transitions.fireCycleDeadline({
        kind: 'cycle',
        owner: { kind: 'cycle', year: 2026, cycleKind: 'agency' },
        deadlineId: 'FILING.end@150600',
        at: (await cycles.getCycle(2026, 'agency'))!.deadlines.find((d) => d.id === 'FILING.end@150600')!.at,
      });
      await record('supplementDone', '150600');
      await record('confirmationNotified', '150600');
      let r = await read.execute(ordos, 2026, 'agency');
      if (r.status !== 'ok') throw new Error(r.status);
      expect(r.value.offers.map((o) => [o.act, o.asksCaseId])).toEqual([['objectionReceived', true]]);
      expect(r.value.offers[0]!.starts).toEqual([
        expect.objectContaining({ stage: 'OBJECTION', article: 'Art 17(3)' }),
      ]);
      await record('objectionReceived', '150600', 'C-1');
      r = await read.execute(ordos, 2026, 'agency');
      if (r.status !== 'ok') throw new Error(r.status);
      expect(r.value.offers.map((o) => [o.act, o.caseId])).toEqual([
        ['objectionReceived', null],
        ['objectionReviewed', 'C-1'],
      ]);
      expect(r.value.view.objections).toEqual([expect.objectContaining({ caseId: 'C-1', status: 'open' })]);
    } finally {
      clock.freeze(new Date('2026-11-20T02:00:00Z'));
    }
  });

  it('the region sees every league and is offered every league’s acts', async () => {
    const r = await read.execute(region, 2026, 'agency');
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.view.leagues).toHaveLength(12);
    expect(new Set(r.value.offers.map((o) => o.league)).size).toBe(12);
    // No region act fits before every league has reported.
    expect(r.value.offers.some((o) => o.league === null)).toBe(false);
  });

  it('an unknown cycle is notFound; participants are refused', async () => {
    expect(await read.execute(region, 2030, 'agency')).toEqual({ status: 'notFound' });
    expect(
      (await read.execute({ type: 'staff', claims: { role: 'agency', subject: 'X' } }, 2026, 'agency')).status,
    ).toBe('forbidden');
  });
});
