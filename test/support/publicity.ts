import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { officialWorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { type Cycle, openCycle, transition } from '../../domain/cycles/cycle.ts';
import { CYCLES, type CycleKind, deadlineId } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { ReportEntry } from '../../domain/reports/reportEntry.ts';
import { DynamoComments } from '../../functions/adapters/dynamoComments.ts';
import { DynamoCycleStore } from '../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoLeagueReports } from '../../functions/adapters/dynamoLeagueReports.ts';
import { leagueReportEntry, uscc } from './builders.ts';

const cal = officialWorkingCalendar();

/**
 * A cycle of `leagues` driven by the domain alone up to the region's PUBLICITY stage (every league
 * reported, the region released): acts at `from`, windows closed at their own instants. With
 * `openAt`, publicity is opened then too (`publicityOpened`).
 */
export const cycleAtPublicity = (
  kind: Exclude<CycleKind, 'practitioner'>,
  year: number,
  leagues: readonly LeagueCode[],
  from: string,
  openAt?: string,
): Cycle => {
  let now = from;
  let cycle = openCycle(kind, year, now, cal, leagues).cycle;
  const step = (trigger: Parameters<typeof transition>[1]) => {
    const out = transition(cycle, trigger, now, cal);
    if (!out.ok) throw new Error(`${JSON.stringify(trigger)}: ${out.refusal.message}`);
    cycle = out.cycle;
  };
  const stages = CYCLES[kind];
  for (const league of leagues) {
    for (;;) {
      const track = cycle.leagues[league]!;
      const def = stages[track.stageIndex]!;
      if (def.scope === 'region') break;
      if (def.opensOn && !track.openedOn) step({ type: 'act', act: def.opensOn, league });
      else if (def.ends?.by === 'window') {
        const d = cycle.deadlines.find((x) => x.id === deadlineId(def.stage, 'end', league))!;
        if (d.at > now) now = d.at;
        step({ type: 'deadline', deadlineId: d.id, at: d.at });
      } else if (def.ends?.by === 'act') step({ type: 'act', act: def.ends.act, league });
    }
  }
  if (kind === 'enterprise') step({ type: 'act', act: 'regionReleased' });
  if (openAt) {
    now = openAt;
    step({ type: 'act', act: 'publicityOpened' });
  }
  return cycle;
};

export const PUBLICITY_LEAGUE: LeagueCode = '150600';

/** Entries of a league's report as `buildReportEntry` makes them, with what a test needs to vary. */
export const reportEntry = (n: number, over: Partial<ReportEntry> = {}): ReportEntry =>
  leagueReportEntry({
    code: uscc(800 + n, PUBLICITY_LEAGUE),
    name: `鄂尔多斯市公示测试${n}号有限公司`,
    score: 900 - n * 10,
    ...over,
  });

/** Stores a sent report version of a league through the reports' own port (上报名单). */
export const putSentReport = async (
  reports: DynamoLeagueReports,
  ref: { year: number; kind: CycleKind; league: LeagueCode },
  version: number,
  entries: readonly ReportEntry[],
  status: 'sent' | 'complete' = 'sent',
): Promise<void> => {
  const at = '2026-04-28T02:00:00.000Z';
  const audit = { at, actor: 'staff:league:test', action: 'report.prepared', what: {} };
  await reports.begin(
    {
      ...ref,
      version,
      status: 'preparing',
      preparedOn: '2026-04-28',
      preparedAt: at,
      preparedBy: 'staff:league:test',
      participants: entries.length,
      sentOn: null,
      sentAt: null,
      sentBy: null,
    },
    audit,
  );
  await reports.putEntries(ref, version, entries);
  await reports.complete(ref, version, audit);
  if (status === 'sent')
    await reports.markSent(
      ref,
      version,
      { on: '2026-04-28', at, by: 'staff:league:test' },
      { ...audit, action: 'report.sent' },
    );
};

/** The adapters of the publicity on a table. */
export const publicityStores = (client: DynamoDBClient, table: string) => {
  const doc = documentClient(client);
  return {
    cycles: new DynamoCycleStore(client, table),
    reports: new DynamoLeagueReports(doc, table),
    comments: new DynamoComments(doc, table),
  };
};

export const writeCycle = async (cycles: DynamoCycleStore, cycle: Cycle): Promise<void> => {
  const ok = await cycles.writeCycle({ cycle, expectedVersion: null, scheduled: [], unscheduled: [], audit: [] });
  if (!ok) throw new Error('cycle not written');
};
