import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../../domain/reports/reportEntry.ts';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoLeagueReports } from '../../../functions/adapters/dynamoLeagueReports.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { ReadReport } from '../../../functions/reports/readReport.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { leagueReportEntry, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** Reading a league's report: its bureau or the region; the version asked for, entries by code; what blocks. */
let client: DynamoDBClient;
let read: ReadReport;
let reports: DynamoLeagueReports;
const REF = { year: 2025, kind: 'enterprise' as const, league: '150600' as const };
const clock = new AdjustableClock();
clock.freeze(new Date('2026-04-20T02:00:00Z'));
const caller = (role: 'league' | 'region', league = '150600') => ({
  type: 'staff' as const,
  claims: role === 'league' ? { role, league } : { role, league: '150000' },
});
const entry = (n: number): ReportEntry =>
  leagueReportEntry({ code: uscc(n, '150600'), name: `测试${n}号`, score: 1000 });
const audit = { at: '2026-04-20T02:00:00.000Z', actor: 'staff:league:150600', action: 'report.prepared', what: {} };

beforeAll(async () => {
  const fresh = await freshTable('read-report');
  client = fresh.client;
  const cycles = new DynamoCycleStore(client, fresh.table);
  await new OpenCycle(cycles, new CycleTransitions(cycles, new LocalScheduler(), clock)).execute(
    { role: 'region' },
    { kind: 'enterprise', year: 2025 },
  );
  reports = new DynamoLeagueReports(documentClient(client), fresh.table);
  read = new ReadReport(reports, cycles);
});
afterAll(() => client?.destroy());

describe('reading a league’s report', () => {
  it('is for the league’s own bureau and the region; a cycle never opened is notFound', async () => {
    expect(await read.execute(caller('league', '150100'), REF)).toEqual({ status: 'forbidden' });
    expect(await read.execute(caller('region'), { ...REF, year: 2024 })).toEqual({ status: 'notFound' });
    expect(await read.execute(caller('league'), REF)).toMatchObject({
      status: 'ok',
      value: { shown: null, entries: [], versions: [], stage: 'LISTING', reportingStage: 'GRADING' },
    });
  });

  it('shows the newest version by default, or the one asked for, entries sorted by code', async () => {
    const head = {
      ...REF,
      status: 'complete' as const,
      preparedOn: '2026-04-20',
      preparedAt: audit.at,
      preparedBy: audit.actor,
      participants: 2,
      sentOn: null,
      sentAt: null,
      sentBy: null,
    };
    await reports.begin({ ...head, version: 1 }, audit);
    await reports.putEntries(REF, 1, [entry(2), entry(1)]);
    await reports.begin({ ...head, version: 2, participants: 1 }, audit);
    await reports.putEntries(REF, 2, [entry(3)]);
    const newest = await read.execute(caller('region'), REF);
    expect(newest.status === 'ok' && [newest.value.shown?.version, newest.value.entries.map((e) => e.code)]).toEqual([
      2,
      [uscc(3, '150600')],
    ]);
    const first = await read.execute(caller('league'), REF, 1);
    expect(first.status === 'ok' && first.value.entries.map((e) => e.code)).toEqual([
      uscc(1, '150600'),
      uscc(2, '150600'),
    ]);
    expect(await read.execute(caller('league'), REF, 9)).toEqual({ status: 'notFound' });
  });
});
