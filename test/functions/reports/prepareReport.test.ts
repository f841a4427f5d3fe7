import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageOf } from '../../../domain/cycles/cycle.ts';
import { DISPUTED_TEXT } from '../../../domain/objections/objection.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoObjections } from '../../../functions/adapters/dynamoObjections.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { PrepareReport } from '../../../functions/reports/prepareReport.ts';
import { LeagueReportGate } from '../../../functions/reports/reportGate.ts';
import { SendReport } from '../../../functions/reports/sendReport.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import {
  AGENCY_NAME,
  agencyCaller,
  fileAgencyObjection,
  leagueCaller,
  OBJECTING_AGENCY,
  ORDOS,
  objectionUseCasesOn,
  RECORD_A,
  seedConfirmation,
} from '../../support/objections.ts';
import { putOnList } from '../../support/publication.ts';
import { reportsOn } from '../../support/reports.ts';
import { dumpTable, startTestRuntime } from '../../support/runtime.ts';

/** “生成上报名单” and “报送” on DynamoDB Local (Art 17(3): the league reports its proposed grades by 4月30日). */
let rt: LocalRuntime;
const CYCLE = { year: 2025, kind: 'agency' as const };
const REF = { ...CYCLE, league: ORDOS } as const;
const OTHER = uscc(902, ORDOS);
let objectionId = '';

const edgesOf = (r: LocalRuntime) => {
  const doc = documentClient(r.dynamo);
  const { reports } = reportsOn(r);
  return {
    reports,
    cycles: r.cycleStore,
    participants: new DynamoParticipants(doc, r.tableName),
    objections: new DynamoObjections(doc, r.tableName),
    store: r.store,
    clock: r.clock,
  };
};
const prepare = (batch?: number) => new PrepareReport(edgesOf(rt), batch);
const recordAct = () =>
  new RecordAct(
    rt.cycleStore,
    new CycleTransitions(rt.cycleStore, rt.scheduler, rt.clock),
    async () => 0,
    undefined,
    new LeagueReportGate(reportsOn(rt).reports, rt.clock),
  );
const send = () => new SendReport(reportsOn(rt).reports, rt.cycleStore, recordAct(), rt.clock);

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  await putOnList(rt, { ...CYCLE, league: ORDOS }, [
    { code: OBJECTING_AGENCY, name: AGENCY_NAME },
    { code: OTHER, name: '鄂尔多斯市另一家监测有限公司' },
  ]);
  const u = objectionUseCasesOn(rt);
  objectionId = await fileAgencyObjection(u, { reasons: '通报记录有误' });
}, 120_000);
afterAll(async () => rt?.stop());

describe('preparing a league’s report', () => {
  it('is refused outside the reporting stage, and for another league’s bureau, changing nothing', async () => {
    const before = await dumpTable(rt);
    expect(await prepare().execute(leagueCaller(), REF)).toMatchObject({ status: 'conflict', code: 'WRONG_STAGE' });
    expect(await prepare().execute(leagueCaller('150100'), REF)).toEqual({ status: 'forbidden' });
    expect(await prepare().execute(agencyCaller(), REF)).toEqual({ status: 'forbidden' });
    expect(await dumpTable(rt)).toBe(before);
  });

  it('freezes every listed participant’s proposed result, in batches, with the disputed mark of an open objection', async () => {
    // The confirmation window (5 working days, Art 17(3)) closes by itself: the league is in REPORTED.
    await fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 10 }) });
    expect(stageOf((await rt.cycleStore.getCycle(2025, 'agency'))!, ORDOS)).toBe('REPORTED');
    const first = await prepare(1).execute(leagueCaller(), REF);
    expect(first).toMatchObject({ status: 'ok', value: { remaining: 1, head: { version: 1, status: 'preparing' } } });
    const second = await prepare(1).execute(leagueCaller(), REF);
    expect(second).toMatchObject({ status: 'ok', value: { remaining: 0, head: { version: 1, status: 'complete' } } });
    const { reports } = reportsOn(rt);
    const entries = await reports.entries(REF, 1);
    expect(entries.map((e) => e.code).sort()).toEqual([OBJECTING_AGENCY, OTHER].sort());
    const disputed = entries.find((e) => e.code === OBJECTING_AGENCY)!;
    // Two counted records of 2025 (AG_NOTIFIED, AG_INTERVIEWED), one of them under the open objection.
    expect(disputed.disputedRecords).toEqual([RECORD_A]);
    expect(disputed.gradeDependsOnDispute).toBe(true);
    expect(Number.isInteger(disputed.score)).toBe(true);
    expect(disputed.score).toBeLessThan(1000);
    expect(entries.find((e) => e.code === OTHER)).toMatchObject({ score: 1000, grade: 'A', disputedRecords: [] });
    expect(DISPUTED_TEXT).toBe('有异议（复核中）');
  });

  it('cannot be sent while the objection is open (Art 17(3)); the report stays unsent', async () => {
    const out = await send().execute(leagueCaller(), REF);
    expect(out).toMatchObject({ status: 'conflict', code: 'OBJECTIONS_OPEN' });
    expect((await reportsOn(rt).reports.latest(REF))!.status).toBe('complete');
  });

  it('after the review, a new version is prepared without the mark and sent by `reportSent`; then it never changes', async () => {
    const u = objectionUseCasesOn(rt);
    const reviewed = await u.review.execute(leagueCaller(), objectionId, [
      { target: RECORD_A, outcome: 'upheld', reasons: '经核实，通报属实' },
    ]);
    expect(reviewed.status).toBe('ok');
    const again = await prepare().execute(leagueCaller(), REF);
    expect(again).toMatchObject({ status: 'ok', value: { head: { version: 2, status: 'complete' } } });
    const entries = await reportsOn(rt).reports.entries(REF, 2);
    expect(entries.every((e) => e.disputedRecords.length === 0 && !e.gradeDependsOnDispute)).toBe(true);
    const sent = await send().execute(leagueCaller(), REF);
    expect(sent).toMatchObject({ status: 'ok', value: { version: 2, status: 'sent', sentOn: '2026-04-11' } });
    expect(stageOf((await rt.cycleStore.getCycle(2025, 'agency'))!, ORDOS)).toBeNull();
    const before = await dumpTable(rt);
    expect(await prepare().execute(leagueCaller(), REF)).toMatchObject({ status: 'conflict', code: 'REPORT_SENT' });
    expect(await send().execute(leagueCaller(), REF)).toMatchObject({ status: 'conflict' });
    expect(await dumpTable(rt)).toBe(before);
  });

  it('`reportSent` on a league in the wrong stage is the domain’s refusal, before the report is asked', async () => {
    const out = await recordAct().execute({ role: 'region' }, CYCLE, { act: 'reportSent', league: '150100' }, null);
    // 150100 is still listing: the domain's refusal comes first.
    expect(out).toMatchObject({ status: 'conflict', code: 'WRONG_STAGE' });
  });
});
