import { officialWorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { transition } from '../../domain/cycles/cycle.ts';
import { deadlineId } from '../../domain/cycles/definitions.ts';
import { LEAGUE_CODES, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { objectionIdOf } from '../../domain/objections/objection.ts';
import { DynamoComments } from '../../functions/adapters/dynamoComments.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoFinalResults } from '../../functions/adapters/dynamoFinalResults.ts';
import { DynamoLeagueReports } from '../../functions/adapters/dynamoLeagueReports.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import { DynamoObjections } from '../../functions/adapters/dynamoObjections.ts';
import { DynamoReviews } from '../../functions/adapters/dynamoReviews.ts';
import { SqsRecordQueue } from '../../functions/adapters/sqsRecordQueue.ts';
import { ReviseRecords } from '../../functions/objections/reviseRecords.ts';
import { DecideReviewItem } from '../../functions/review/decideReviewItem.ts';
import { ListReview } from '../../functions/review/listReview.ts';
import { ReadReviewItem } from '../../functions/review/readReviewItem.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { uscc } from './builders.ts';
import { putOnList } from './publication.ts';
import { cycleAtPublicity, putSentReport, reportEntry, writeCycle } from './publicity.ts';
import { postWebhook, putSubject, staffToken } from './runtime.ts';

export const REVIEW_LEAGUE: LeagueCode = '150600';
export const REVIEW_YEAR = 2025;
/** Proposed D (Art 14(1): a permit obtained by fraud, revoked). */
export const D_ENT = { code: uscc(951, REVIEW_LEAGUE), name: '鄂尔多斯市复核测试1号化工有限公司' };
/** Proposed B, on nobody's review. */
export const B_ENT = { code: uscc(952, REVIEW_LEAGUE), name: '鄂尔多斯市复核测试2号化工有限公司' };
export const D_RECORD = 'RV-PERMIT-1';

/** The review's use cases on a runtime's table, as the composition builds them. */
export const reviewOn = (rt: LocalRuntime) => {
  const doc = documentClient(rt.dynamo);
  const reviews = new DynamoReviews(doc, rt.tableName);
  const ports = {
    reports: new DynamoLeagueReports(doc, rt.tableName),
    objections: new DynamoObjections(doc, rt.tableName),
    comments: new DynamoComments(doc, rt.tableName),
    reviews,
  };
  const records = new SqsRecordQueue(rt.sqs, rt.queues.find((q) => q.definition.name === 'records')!.url);
  const revise = new ReviseRecords({
    store: rt.store,
    clock: rt.clock,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    enqueue: (messages) => records.send(messages),
  });
  return {
    reviews,
    finals: new DynamoFinalResults(doc, rt.tableName),
    list: new ListReview(ports, rt.cycleStore),
    read: new ReadReviewItem(ports, rt.cycleStore, rt.store, rt.clock),
    decide: new DecideReviewItem(ports, rt.cycleStore, rt.store, revise, rt.clock, {
      objections: ports.objections,
      notices: new DynamoNotices(doc, rt.tableName),
    }),
  };
};

/** A record of an Ordos enterprise, found by the Ordos bureau, through the signed webhook. */
const postOrdosRecord = (rt: LocalRuntime, eventId: string, code: string, rule: string, occurredOn: string) =>
  postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId,
      subject: { kind: 'enterprise', id: code },
      rule,
      occurredOn,
      department: `${REVIEW_LEAGUE}-EEB`,
      league: REVIEW_LEAGUE,
    },
  });

/**
 * The enterprise cycle of 2025 in the region's REVIEW stage (publicity closed on its own): Ordos
 * reported D_ENT as proposed D (with its direct-D record stored) and B_ENT as B; both are listed.
 * The clock stands on 2026-05-20, after the publicity.
 */
export const seedReview = async (rt: LocalRuntime): Promise<void> => {
  rt.clock.set(new Date('2026-03-02T01:00:00Z'));
  const region = await staffToken({ role: 'region', league: '150000' });
  for (const e of [D_ENT, B_ENT])
    await putSubject(rt, 'enterprise', e.code, { name: e.name, league: REVIEW_LEAGUE }, region);
  await postOrdosRecord(rt, D_RECORD, D_ENT.code, 'SR_PERMIT_FRAUD', '2025-06-01');
  await rt.drain();
  await putOnList(rt, { year: REVIEW_YEAR, kind: 'enterprise', league: REVIEW_LEAGUE }, [D_ENT, B_ENT]);
  const cal = officialWorkingCalendar();
  let cycle = cycleAtPublicity('enterprise', REVIEW_YEAR, LEAGUE_CODES, '2026-04-01T02:00:00Z', '2026-05-06T02:00:00Z');
  const end = cycle.deadlines.find((d) => d.id === deadlineId('PUBLICITY', 'end'))!;
  const closed = transition(cycle, { type: 'deadline', deadlineId: end.id, at: end.at }, end.at, cal);
  if (!closed.ok) throw new Error(closed.refusal.message);
  cycle = closed.cycle;
  await writeCycle(rt.cycleStore, cycle);
  const reports = new DynamoLeagueReports(documentClient(rt.dynamo), rt.tableName);
  await putSentReport(reports, { year: REVIEW_YEAR, kind: 'enterprise', league: REVIEW_LEAGUE }, 1, [
    reportEntry(1, {
      code: D_ENT.code,
      name: D_ENT.name,
      score: 900,
      grade: 'D',
      gradeName: '环保不良',
      directD: { article: 'Art 14(1)', articleName: '第十四条第一项', eventIds: [D_RECORD] },
    }),
    reportEntry(2, { code: B_ENT.code, name: B_ENT.name, grade: 'B', gradeName: '环保良好' }),
  ]);
  rt.clock.set(new Date('2026-05-20T02:00:00Z'));
};

/** An enterprise reported B whose record its objection in publicity disputes (Art 16(3)); the correction the review gives it. */
export const PUBLICITY_OBJECTION = {
  C_ENT: { code: uscc(953, REVIEW_LEAGUE), name: '鄂尔多斯市复核测试3号化工有限公司' },
  C_RECORD: 'RV-REPORT-1',
  input: { records: ['RV-REPORT-1'], preGrade: false, reasons: '执行报告已按时如实填报', evidenceFiles: [] },
  correction: { rule: 'HW_BASIC', occurredOn: '2025-08-01', fineYuan: null, summary: '经核实为危险废物管理基本达标' },
} as const;

/**
 * On a runtime seeded by `seedReview`: an enterprise (that of `PUBLICITY_OBJECTION` unless given) with
 * its record, in Ordos's next report version beside the others, and its open objection in publicity on
 * that record; the objection's id.
 */
export const seedPublicityObjection = async (
  rt: LocalRuntime,
  unit: { readonly code: string; readonly name: string } = PUBLICITY_OBJECTION.C_ENT,
  eventId: string = PUBLICITY_OBJECTION.C_RECORD,
): Promise<string> => {
  const C_ENT = unit;
  const C_RECORD = eventId;
  const input = { ...PUBLICITY_OBJECTION.input, records: [eventId] };
  const cycle = { year: REVIEW_YEAR, kind: 'enterprise' as const };
  const region = await staffToken({ role: 'region', league: '150000' });
  await putSubject(rt, 'enterprise', C_ENT.code, { name: C_ENT.name, league: REVIEW_LEAGUE }, region);
  await postOrdosRecord(rt, C_RECORD, C_ENT.code, 'PMT_REPORT_FALSE', '2025-08-01');
  await rt.drain();
  const doc = documentClient(rt.dynamo);
  const reports = new DynamoLeagueReports(doc, rt.tableName);
  const ref = { ...cycle, league: REVIEW_LEAGUE };
  const latest = (await reports.versions(ref)).filter((v) => v.status === 'sent').at(-1)!.version;
  const before = await reports.entries(ref, latest);
  await putSentReport(reports, ref, latest + 1, [
    ...before,
    reportEntry(before.length + 1, { code: C_ENT.code, name: C_ENT.name, grade: 'B', gradeName: '环保良好' }),
  ]);
  const subject = { kind: 'enterprise' as const, id: C_ENT.code };
  const id = objectionIdOf(subject, REVIEW_YEAR, { ...input, records: [...input.records], evidenceFiles: [] });
  const filedAt = '2026-05-08T02:00:00.000Z';
  await new DynamoObjections(doc, rt.tableName).file(
    {
      id,
      kind: 'publicity',
      cycle,
      league: REVIEW_LEAGUE,
      subject,
      subjectName: C_ENT.name,
      records: [...input.records],
      preGrade: input.preGrade,
      reasons: input.reasons,
      evidenceFiles: [],
      filedAt,
      filedOn: '2026-05-08',
      filedBy: `staff:enterprise:${C_ENT.code}`,
      windowClosesOn: '2026-05-15',
      status: 'open',
      reviews: [],
      reviewedAt: null,
      reviewedBy: null,
    },
    { subject, at: filedAt, actor: `staff:enterprise:${C_ENT.code}`, action: 'objection.filed', what: {}, why: null },
  );
  return id;
};
