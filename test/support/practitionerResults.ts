import { officialWorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { type Cycle, openCycle, transition } from '../../domain/cycles/cycle.ts';
import { CYCLES, deadlineId } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { DynamoCommitments } from '../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoFinalResults } from '../../functions/adapters/dynamoFinalResults.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import { DynamoPractitionerFilings } from '../../functions/adapters/dynamoPractitionerFilings.ts';
import { FilePractitioners } from '../../functions/practitioners/filePractitioners.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { residentId, uscc } from './builders.ts';
import { writeCycle } from './publicity.ts';
import { callApi, postWebhook, putSubject, staffToken } from './runtime.ts';

export const PR_YEAR = 2025;
export const ORDOS: LeagueCode = '150600';
export const BAOTOU: LeagueCode = '150200';
export const HOHHOT: LeagueCode = '150100';
export const PR_EMPLOYER = { code: uscc(961, ORDOS), name: '鄂尔多斯市函告测试环评有限公司' };
/** Two counted records, one from Ordos and one from Baotou: 环保失信个人 (Art 13, 18(3)). */
export const DISHONEST = { name: '赵文博', residentId: residentId(61, '150602') };
/** One counted record (Ordos): not dishonest; listed by Ordos and by Hohhot. */
export const HONEST = { name: '钱立新', residentId: residentId(62, '150602') };
export const SERVICE_RECORD = 'PR-LTR-FRAUD-1';

/** The practitioner cycle of a year with every league reported: the region's REVIEW stage (Art 18(5)). */
export const practitionerCycleAtReview = (year: number, leagues: readonly LeagueCode[], from: string): Cycle => {
  const cal = officialWorkingCalendar();
  let now = from;
  let cycle = openCycle('practitioner', year, now, cal, leagues).cycle;
  const step = (trigger: Parameters<typeof transition>[1]) => {
    const out = transition(cycle, trigger, now, cal);
    if (!out.ok) throw new Error(`${JSON.stringify(trigger)}: ${out.refusal.message}`);
    cycle = out.cycle;
  };
  for (const league of leagues)
    for (;;) {
      const track = cycle.leagues[league]!;
      const def = CYCLES.practitioner[track.stageIndex]!;
      if (def.scope === 'region') break;
      if (def.opensOn && !track.openedOn) step({ type: 'act', act: def.opensOn, league });
      else if (def.ends?.by === 'window') {
        const d = cycle.deadlines.find((x) => x.id === deadlineId(def.stage, 'end', league))!;
        if (d.at > now) now = d.at;
        step({ type: 'deadline', deadlineId: d.id, at: d.at });
      } else if (def.ends?.by === 'act') step({ type: 'act', act: def.ends.act, league });
    }
  return cycle;
};

const listPractitioner = async (
  rt: LocalRuntime,
  league: LeagueCode,
  p: { name: string; residentId: string },
  at: string,
) =>
  new DynamoParticipants(documentClient(rt.dynamo), rt.tableName).putParticipants(
    { year: PR_YEAR, kind: 'practitioner', league },
    [
      {
        kind: 'practitioner',
        code: p.residentId,
        name: p.name,
        league,
        basis: '6.6',
        sites: [],
        categories: [],
        employer: { kind: 'agency', code: PR_EMPLOYER.code },
      },
    ],
    { at, actor: `staff:league:${league}`, action: 'participant.added', what: {}, why: null, afterConfirmation: false },
  );

/**
 * An agency of Ordos filed two practitioners for 2025, the Ordos bureau listed both (Hohhot also
 * listed HONEST); DISHONEST has records from Ordos and Baotou, HONEST one from Ordos. The cycle stands
 * in the region's REVIEW stage; the clock on 2026-05-20.
 */
export const seedPractitionerResults = async (rt: LocalRuntime): Promise<void> => {
  rt.clock.set(new Date('2026-03-02T01:00:00Z'));
  const region = await staffToken({ role: 'region', league: '150000' });
  const unit = await putSubject(
    rt,
    'agency',
    PR_EMPLOYER.code,
    { name: PR_EMPLOYER.name, league: ORDOS, categories: ['eia'] },
    region,
  );
  if (unit.status >= 300) throw new Error(`employer not registered: ${JSON.stringify(unit.json)}`);
  for (const p of [DISHONEST, HONEST]) {
    const r = await putSubject(rt, 'practitioner', p.residentId, { name: p.name, league: ORDOS }, region);
    if (r.status >= 300) throw new Error(`practitioner not registered: ${JSON.stringify(r.json)}`);
  }
  const records = [
    [SERVICE_RECORD, DISHONEST.residentId, 'PR_FRAUD_IN_SERVICE', ORDOS, '2025-06-01'],
    ['PR-LTR-LENDING-1', DISHONEST.residentId, 'PR_QUALIFICATION_LENDING', BAOTOU, '2025-08-15'],
    ['PR-LTR-LENDING-2', HONEST.residentId, 'PR_QUALIFICATION_LENDING', ORDOS, '2025-07-01'],
  ] as const;
  for (const [eventId, id, rule, league, occurredOn] of records)
    await postWebhook(rt, {
      type: 'record.created',
      record: { eventId, subject: { kind: 'practitioner', id }, rule, occurredOn, department: `${league}-EEB`, league },
    });
  await rt.drain();
  const doc = documentClient(rt.dynamo);
  const filings = new DynamoPractitionerFilings(doc, rt.tableName);
  const employer = { kind: 'agency' as const, code: PR_EMPLOYER.code };
  const caller = { type: 'staff' as const, claims: { role: 'agency' as const, subject: PR_EMPLOYER.code } };
  const at = rt.clock.now().toISOString();
  for (const p of [DISHONEST, HONEST]) {
    const filed = await new FilePractitioners(
      rt.store,
      filings,
      new DynamoCommitments(doc, rt.tableName),
      rt.clock,
    ).file(
      caller,
      { kind: 'agency', id: PR_EMPLOYER.code },
      { name: p.name, residentId: p.residentId, position: '环评项目负责人' },
    );
    if (filed.status !== 'ok') throw new Error(`not filed: ${JSON.stringify(filed)}`);
    await filings.decide(
      { year: PR_YEAR, league: ORDOS, employer, residentId: p.residentId },
      { status: 'listed', reason: null, decidedBy: `staff:league:${ORDOS}`, decidedAt: at },
    );
    await listPractitioner(rt, ORDOS, p, at);
  }
  await listPractitioner(rt, HOHHOT, HONEST, at);
  await writeCycle(rt.cycleStore, practitionerCycleAtReview(PR_YEAR, [ORDOS, HOHHOT], '2026-03-02T02:00:00Z'));
  rt.clock.set(new Date('2026-05-20T02:00:00Z'));
};

/** The stores the tests read, on the runtime's table. */
export const practitionerResultsStores = (rt: LocalRuntime) => {
  const doc = documentClient(rt.dynamo);
  return { finals: new DynamoFinalResults(doc, rt.tableName), notices: new DynamoNotices(doc, rt.tableName) };
};

/** Records an act of the 2025 practitioner cycle through the cycles API, as the region. */
export const practitionerAct = async (rt: LocalRuntime, act: string) =>
  callApi(
    rt,
    'POST',
    `/v1/cycles/${PR_YEAR}/practitioner/acts`,
    await staffToken({ role: 'region', league: '150000' }),
    {
      act,
    },
  );
