import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoLeagueReports } from '../../../functions/adapters/dynamoLeagueReports.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { LeagueReportGate } from '../../../functions/reports/reportGate.ts';
import { SendReport } from '../../../functions/reports/sendReport.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { freshTable } from '../../support/table.ts';

/**
 * “报送上报名单” refusals on DynamoDB Local; the whole path (send, refusal while an objection is open,
 * 重新上报 after a return) runs in prepareReport.test.ts and reportGate.test.ts.
 */
let client: DynamoDBClient;
let send: SendReport;
let cycles: DynamoCycleStore;
const REF = { year: 2025, kind: 'agency' as const, league: '150600' as const };
const clock = new AdjustableClock();
clock.freeze(new Date('2026-03-02T01:00:00Z'));
const league = (code: string) => ({ type: 'staff' as const, claims: { role: 'league' as const, league: code } });

beforeAll(async () => {
  const fresh = await freshTable('send-report');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
  const transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
  await new OpenCycle(cycles, transitions).execute({ role: 'region' }, { kind: 'agency', year: 2025 });
  const reports = new DynamoLeagueReports(documentClient(client), fresh.table);
  const act = new RecordAct(cycles, transitions, async () => 0, undefined, new LeagueReportGate(reports, clock));
  send = new SendReport(reports, cycles, act, clock);
});
afterAll(() => client?.destroy());

describe('sending a league’s report', () => {
  it('only the league’s own bureau (or the region) sends it; a cycle never opened is notFound', async () => {
    expect(await send.execute(league('150100'), REF)).toEqual({ status: 'forbidden' });
    expect(await send.execute({ type: 'public' }, REF)).toMatchObject({ status: 'unauthorized' });
    expect(await send.execute(league('150600'), { ...REF, year: 2024 })).toEqual({ status: 'notFound' });
  });

  it('outside the reporting stage it is the cycle’s refusal, and the cycle does not move', async () => {
    const before = await cycles.getCycle(2025, 'agency');
    expect(await send.execute(league('150600'), REF)).toMatchObject({ status: 'conflict', code: 'WRONG_STAGE' });
    expect((await cycles.getCycle(2025, 'agency'))!.version).toBe(before!.version);
  });
});
