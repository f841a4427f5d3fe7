import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { LEAGUE_CODES } from '../../domain/identifiers/leagues.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoLeagueReports } from '../../functions/adapters/dynamoLeagueReports.ts';
import { DynamoObjections } from '../../functions/adapters/dynamoObjections.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import { PrepareReport } from '../../functions/reports/prepareReport.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { uscc } from './builders.ts';
import { putOnList } from './publication.ts';
import { callApi, postWebhook, putSubject, staffToken } from './runtime.ts';

/** The league reports' storage and preparation on a runtime's table, as the composition builds them. */
export const reportsOn = (rt: LocalRuntime) => {
  const doc = documentClient(rt.dynamo);
  const reports = new DynamoLeagueReports(doc, rt.tableName);
  const prepare = new PrepareReport({
    reports,
    cycles: rt.cycleStore,
    participants: new DynamoParticipants(doc, rt.tableName),
    objections: new DynamoObjections(doc, rt.tableName),
    store: rt.store,
    clock: rt.clock,
  });
  return { reports, prepare };
};

/**
 * Prepares the leagues' reports (“生成上报名单”) so that `reportSent` can be recorded: the act needs a
 * complete report (docs/reports.md).
 */
export const prepareReports = async (
  rt: LocalRuntime,
  of: { readonly year: number; readonly kind: CycleKind },
  leagues: readonly string[],
): Promise<void> => {
  const { prepare } = reportsOn(rt);
  const region = { type: 'staff' as const, claims: { role: 'region' as const, league: '150000' } };
  for (const league of leagues) {
    const out = await prepare.execute(region, { ...of, league: league as LeagueCode });
    if (out.status !== 'ok') throw new Error(`report of ${league} not prepared: ${JSON.stringify(out)}`);
  }
};

export const REPORTING_LEAGUE = '150600';
/** Four enterprises of Ordos on its 2025 list, the first with one counted record (SUP_CITY, −2). */
export const REPORTED_ENTERPRISES = [1, 2, 3, 4].map((n) => ({
  code: uscc(700 + n, REPORTING_LEAGUE),
  name: `鄂尔多斯市上报测试${n}号化工有限公司`,
}));

/**
 * The enterprise cycle of 2025 with every league in GRADING (Art 16(2)), on 2026-04-20: Ordos
 * (150600) lists four enterprises, the other leagues empty lists.
 */
export const seedGradingEnterprise = async (rt: LocalRuntime): Promise<void> => {
  await fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now: '2026-03-02T01:00:00Z' }) });
  const region = await staffToken({ role: 'region', league: '150000' });
  for (const e of REPORTED_ENTERPRISES)
    await putSubject(rt, 'enterprise', e.code, { name: e.name, league: REPORTING_LEAGUE }, region);
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'REPORT-SUP-1',
      subject: { kind: 'enterprise', id: REPORTED_ENTERPRISES[0]!.code },
      rule: 'SUP_CITY',
      occurredOn: '2025-06-01',
      department: `${REPORTING_LEAGUE}-EEB`,
      league: REPORTING_LEAGUE,
    },
  });
  await rt.drain();
  await putOnList(rt, { year: 2025, kind: 'enterprise', league: REPORTING_LEAGUE }, REPORTED_ENTERPRISES);
  const api = (body: unknown) => callApi(rt, 'POST', '/v1/cycles/2025/enterprise/acts', region, body);
  const opened = await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'enterprise', year: 2025 });
  if (opened.status !== 201) throw new Error(`cycle not opened: ${JSON.stringify(opened.json)}`);
  for (const league of LEAGUE_CODES) {
    await api({ act: 'listConfirmed', league });
    await api({ act: 'participantsNotified', league });
  }
  // The filing window (20 working days, Art 20) closes by itself: every league is GRADING.
  await fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now: '2026-04-20T02:00:00Z' }) });
};

/**
 * The enterprise cycle of 2025 with every league's report sent (Art 16(2)) but `except`'s, so the
 * region is in QUALITY_CHECK once those report too.
 */
export const seedSentEnterpriseReports = async (rt: LocalRuntime, except: readonly string[] = []): Promise<void> => {
  await seedGradingEnterprise(rt);
  const region = await staffToken({ role: 'region', league: '150000' });
  const api = (body: unknown) => callApi(rt, 'POST', '/v1/cycles/2025/enterprise/acts', region, body);
  const leagues = LEAGUE_CODES.filter((l) => !except.includes(l));
  await prepareReports(rt, { year: 2025, kind: 'enterprise' }, leagues);
  for (const league of leagues) {
    const r = await api({ act: 'reportSent', league });
    if (r.status !== 200) throw new Error(`reportSent ${league}: ${JSON.stringify(r.json)}`);
  }
};
