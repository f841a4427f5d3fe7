import type { ScoredResult } from '../../domain/evaluation/evaluateSubject.ts';
import type { ReceivedRecord } from '../../domain/evaluation/publishedResult.ts';
import { recordsOfReissue } from '../../domain/evaluation/publishedResult.ts';
import type {
  PublishedGradeItem,
  PublishedResultStore,
  PublishedSummary,
  SubjectPartition,
  SubjectRecordStore,
} from '../ports/store.ts';
import { evaluateStored } from '../shared/subjectEvaluation.ts';
import { correctionBatchId } from './correctionPush.ts';
import { issueOf, type PublishedResult, publishedShape, type ReissueMark } from './publishedShape.ts';
import type { Reissued, RepairDecision } from './repairDecision.ts';

/** What the re-issue of one subject's years shares: its partition, records and deciding bureau. */
export interface ReissueContext {
  readonly decision: RepairDecision;
  readonly partition: SubjectPartition;
  /** The published summaries as re-issued so far in this run (a later year reads the earlier ones). */
  readonly published: readonly PublishedSummary[];
  readonly received: readonly ReceivedRecord[];
  /** The deciding bureau's name as the public sees it. */
  readonly bureau: string;
}

export type YearReissue =
  | { readonly status: 'unchanged' }
  /** A concurrent re-issue moved the result: read everything again. */
  | { readonly status: 'lost' }
  | {
      readonly status: 'reissued';
      readonly item: PublishedGradeItem;
      readonly shown: PublishedResult;
      readonly reissued: Reissued;
    };

/**
 * Re-evaluates one published year from its repaired records and stores it as the result's next
 * issue, audited with the approver (Art 23 ¶2). `repairedHere`: this decision's records the result
 * still lists as not repaired; with none, the year is re-issued only when its grade or blacklisting
 * follows the repaired year's grade (I10).
 */
export const reissueYear = async (
  store: SubjectRecordStore & PublishedResultStore,
  context: ReissueContext,
  previous: PublishedGradeItem,
  repairedHere: readonly string[],
): Promise<YearReissue> => {
  const { decision, partition, published } = context;
  const ref = decision.subject;
  const before = previous.result as unknown as PublishedResult;
  // What was publicised with the result, with the repairs it showed and this decision's.
  const repairs = new Map(
    before.items.filter((i) => i.state === 'repaired').map((i) => [i.eventId, i.repairedOn ?? previous.publishedOn]),
  );
  for (const eventId of repairedHere) repairs.set(eventId, decision.decidedOn);
  const records = recordsOfReissue(context.received, previous.publishedOn, repairs);
  const evaluated = await evaluateStored(
    store,
    ref,
    { ...partition, published: [...published] },
    records.evaluated,
    [previous.year],
    previous.publishedOn,
  );
  const result = evaluated.results.get(previous.year) as ScoredResult | undefined;
  if (!result || result.grade === null) return { status: 'unchanged' };
  // A later year is re-issued only when its grade or blacklisting follows the repaired year's grade (I10).
  if (repairedHere.length === 0 && result.blacklisted === before.blacklisted && result.grade === before.grade)
    return { status: 'unchanged' };
  const version = issueOf(before) + 1;
  const reissue: ReissueMark = {
    version,
    reissuedOn: decision.decidedOn,
    article: 'Art 23',
    repairs: [
      ...(before.reissue?.repairs ?? []),
      ...decision.eventIds.map((eventId) => ({ eventId, repairedOn: decision.decidedOn, bureau: context.bureau })),
    ],
  };
  const shown = publishedShape(result, records.shown, reissue);
  const item: PublishedGradeItem = {
    year: previous.year,
    grade: result.grade,
    publishedOn: previous.publishedOn,
    result: shown as unknown as PublishedGradeItem['result'],
  };
  const batchId = correctionBatchId(ref.kind, previous.year, ref.id, version);
  const ok = await store.reissuePublished(ref, item, version, version - 1, {
    subject: ref,
    at: decision.at,
    actor: decision.decidedBy,
    action: 'published.reissued',
    what: {
      year: previous.year,
      version,
      applicationId: decision.applicationId,
      eventIds: [...decision.eventIds],
      batchId,
      before: { score: before.score, grade: before.grade, blacklisted: before.blacklisted },
      after: { score: result.score, grade: result.grade, blacklisted: result.blacklisted },
    },
    why: '经核实予以信用修复，按修复后的信息重新评价并重新公开评价结果（第二十三条）',
  });
  if (!ok) return { status: 'lost' };
  return { status: 'reissued', item, shown, reissued: { year: previous.year, version, batchId } };
};
