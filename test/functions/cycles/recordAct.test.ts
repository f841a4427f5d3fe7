import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { LoadCalendar } from '../../../functions/cycles/loadCalendar.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { ReadCycle } from '../../../functions/cycles/readCycle.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import type { ReportGate } from '../../../functions/reports/reportGate.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { freshTable } from '../../support/table.ts';

/** The cycle use cases on DynamoDB Local: what the domain refuses is a conflict with its code; nothing is invented. */
let client: DynamoDBClient;
let cycles: DynamoCycleStore;
let transitions: CycleTransitions;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-03-02T01:00:00Z'));
const published: [string, number, string][] = [];
const region = { role: 'region' as const };

beforeAll(async () => {
  const fresh = await freshTable('record-act');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
  transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
});
afterAll(() => client?.destroy());

describe('the cycle use cases', () => {
  it('a cycle is opened once; reading a cycle never opened is notFound', async () => {
    expect(await new ReadCycle(cycles, transitions).execute(2025, 'enterprise')).toEqual({ status: 'notFound' });
    expect((await new OpenCycle(cycles, transitions).execute(region, { kind: 'enterprise', year: 2025 })).status).toBe(
      'ok',
    );
    expect(await new OpenCycle(cycles, transitions).execute(region, { kind: 'enterprise', year: 2025 })).toEqual({
      status: 'conflict',
      code: 'CYCLE_EXISTS',
      message: '该评价周期已开启',
    });
  });

  it('an act the stage does not allow is a conflict with the domain’s code; an act on no cycle is notFound', async () => {
    const act = new RecordAct(cycles, transitions, async (kind, year, on) => {
      published.push([kind, year, on]);
      return 0;
    });
    expect(
      await act.execute(region, { year: 2025, kind: 'enterprise' }, { act: 'reportSent', league: '150100' }, null),
    ).toMatchObject({ status: 'conflict', code: 'WRONG_STAGE' });
    expect(
      await act.execute(region, { year: 2024, kind: 'enterprise' }, { act: 'listConfirmed', league: '150100' }, null),
    ).toEqual({ status: 'notFound' });
    const done = await act.execute(
      region,
      { year: 2025, kind: 'enterprise' },
      { act: 'listConfirmed', league: '150100' },
      '名单已确认',
    );
    expect(done.status === 'ok' && done.value.leagues.find((l) => l.league === '150100')!.stage).toBe('FILING');
    expect(published).toEqual([]);
  });

  it('a calendar is loaded only for the year of its path', async () => {
    const load = new LoadCalendar(cycles, transitions);
    expect(await load.execute(region, 2027, { years: { '2028': { holidays: [], workdays: [] } } })).toEqual({
      status: 'invalid',
      issues: [{ path: 'years', message: '只能载入 2027 年的节假日安排' }],
    });
    expect(
      await load.execute(region, 2027, { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }),
    ).toMatchObject({ status: 'ok', value: { year: 2027 } });
  });

  it('an act the league reports refuse (no complete report, quality check open) is a conflict with their code, and changes nothing', async () => {
    const recorded: string[] = [];
    const gate = (refuse: boolean): ReportGate => ({
      refusal: async (_cycle, act) =>
        refuse && act === 'participantsNotified'
          ? { code: 'REPORT_NOT_PREPARED', message: '尚未生成完整的上报名单' }
          : null,
      recorded: async (_of, act, league) => void recorded.push(`${act}@${league}`),
    });
    const before = await cycles.getCycle(2025, 'enterprise');
    const refused = await new RecordAct(cycles, transitions, async () => 0, undefined, gate(true)).execute(
      region,
      { year: 2025, kind: 'enterprise' },
      { act: 'participantsNotified', league: '150100' },
      null,
    );
    expect(refused).toEqual({ status: 'conflict', code: 'REPORT_NOT_PREPARED', message: '尚未生成完整的上报名单' });
    expect((await cycles.getCycle(2025, 'enterprise'))!.version).toBe(before!.version);
    expect(recorded).toEqual([]);
    const done = await new RecordAct(cycles, transitions, async () => 0, undefined, gate(false)).execute(
      region,
      { year: 2025, kind: 'enterprise' },
      { act: 'participantsNotified', league: '150100' },
      null,
    );
    expect(done.status).toBe('ok');
    expect(recorded).toEqual(['participantsNotified@150100']);
  });
});
