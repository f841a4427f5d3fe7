import type { LegalDate } from '../dates.ts';
import { toPoints } from '../points.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { PublishedGrade } from './blacklist.ts';
import { warningState } from './creditWarning.ts';
import type { Grade } from './grade.ts';
import type { Measure } from './measures.ts';
import { mergeMeasuresOfOneCase } from './mergeMeasures.ts';
import { listZh, type Note, type NoteDetail, note } from './notes.ts';
import {
  type ClassifiedRecord,
  type ClientLookup,
  classifyRecord,
  type EvaluationPeriod,
  Reason,
  type RecordState,
} from './recordState.ts';

/**
 * The result of one subject's evaluation (docs/api.md §3) and the parts every kind of result shares: the
 * explained items, the pending credit warnings (Art 22) and the notes of the records' reasons.
 */
export interface ResultItem {
  readonly eventId: string;
  readonly rule: string;
  /** The rule's official wording in the catalogue (评价内容). */
  readonly wording: string;
  readonly points: number;
  readonly state: RecordState;
  readonly article: string;
  /** The article in the regulation's Chinese (附件1, 第十四条第二项). */
  readonly articleName: string;
  readonly occurredOn: LegalDate;
  readonly siteId?: string;
  /** I6: an earlier year's deduction, still unrectified, carried into the year (absent otherwise). */
  readonly carriedOver?: true;
}

export interface PendingItem {
  readonly eventId: string;
  readonly rule: string;
  readonly wording: string;
  readonly points: number;
  /** `warning`: a credit warning still open (Art 22); `awaiting-client`: the client record is pending or unknown (I4). */
  readonly state: 'warning' | 'awaiting-client';
  readonly deadline?: LegalDate;
}

/** Art 27 (I3): when a rectified counted deduction may be repaired. */
interface RepairEligible {
  readonly eventId: string;
  readonly eligible: true;
  readonly earliestOn: LegalDate;
  readonly waitMonths: number;
  readonly article: 'Art 27';
  readonly impactEliminationRequired: boolean;
}

/** I19, Art 24(1): rectified after its evaluation period, so no repair; the reason is for the reader. */
interface RepairIneligible {
  readonly eventId: string;
  readonly eligible: false;
  readonly article: 'Art 24(1)';
  readonly code: 'RECTIFIED_AFTER_PERIOD';
  readonly reason: string;
}

export type RepairItem = RepairEligible | RepairIneligible;

export interface SiteResult {
  readonly siteId: string;
  readonly outputShare: number | null;
  readonly weight: number;
  readonly score: number;
  readonly grade: Grade;
  /** The grade's name in the regulation (Art 11): 环保诚信单位 … 环保不良单位. */
  readonly gradeName: string;
  readonly directD: boolean;
}

interface Common {
  readonly year: number;
  readonly asOf: LegalDate;
  readonly status: 'live';
  readonly items: ResultItem[];
  readonly pending: PendingItem[];
  /** One line per article or interpretation that decided part of the result, led by its id. */
  readonly notes: string[];
  /** The same notes, index for index, as Chinese sentences with their id. */
  readonly noteDetails: NoteDetail[];
  readonly repair: RepairItem[];
  readonly measures: Measure[];
  /** I15: under criminal investigation; no grade for the year. */
  readonly suspended?: { readonly reason: string };
}

export interface ScoredResult extends Common {
  readonly subject: {
    readonly kind: 'enterprise' | 'agency';
    readonly id: string;
    readonly name: string;
    readonly league: string;
  };
  readonly score: number;
  readonly grade: Grade | null;
  /** The grade's name in the regulation (Art 11, 12); null without a grade (I15). */
  readonly gradeName: string | null;
  readonly directD: boolean;
  readonly blacklisted: boolean;
  readonly samplingMultiplier: number | null;
  readonly sites?: SiteResult[];
}

export interface PractitionerResult extends Common {
  readonly subject: { readonly kind: 'practitioner'; readonly id: string; readonly name?: string };
  /** Art 13: the only grade for practitioners; null when suspended (I15). */
  readonly dishonest: boolean | null;
  /** Art 13: 环保失信个人 when dishonest, otherwise null. */
  readonly gradeName: string | null;
  readonly records: number;
}

export type SubjectResult = ScoredResult | PractitionerResult;

export interface SubjectContext {
  readonly period: EvaluationPeriod;
  readonly clientOf: ClientLookup;
  readonly history: readonly PublishedGrade[];
  /**
   * The subject's records are already in evaluation order (by date, then eventId, identical
   * deliveries side by side), as a record index gives them (recordIndex.ts), so they need no sort.
   */
  readonly recordsInOrder?: boolean;
}

// ---------------------------------------------------------------------------------------------

export const byDateThenId = (a: ClassifiedRecord, b: ClassifiedRecord): number =>
  a.record.occurredOn < b.record.occurredOn
    ? -1
    : a.record.occurredOn > b.record.occurredOn
      ? 1
      : a.record.eventId < b.record.eventId
        ? -1
        : a.record.eventId > b.record.eventId
          ? 1
          : 0;

const byRecordDateThenId = (a: CreditRecord, b: CreditRecord): number =>
  a.occurredOn < b.occurredOn
    ? -1
    : a.occurredOn > b.occurredOn
      ? 1
      : a.eventId < b.eventId
        ? -1
        : a.eventId > b.eventId
          ? 1
          : 0;

/**
 * Order deterministically (so results never depend on arrival order), drop identical deliveries
 * (duplicates change nothing; they sit side by side once sorted), classify, merge (I16).
 */
export const classifyAll = (
  records: readonly CreditRecord[],
  ctx: SubjectContext,
  extraState?: (c: ClassifiedRecord) => ClassifiedRecord,
  merge = ctx.period.options.mergeMeasuresOfOneCase,
): ClassifiedRecord[] => {
  const sorted = ctx.recordsInOrder === true ? records : [...records].sort(byRecordDateThenId);
  let classified: ClassifiedRecord[] = [];
  let previous: string | undefined;
  for (const r of sorted) {
    if (r.eventId === previous) continue;
    previous = r.eventId;
    const c = classifyRecord(r, ctx.period, ctx.clientOf);
    classified.push(extraState ? extraState(c) : c);
  }
  if (merge) classified = mergeMeasuresOfOneCase(classified);
  return classified;
};

// The words come from the catalogue rule itself (named once per rule), so an item adds no strings.
export const toItem = (c: ClassifiedRecord): ResultItem => {
  const siteId = c.record.subject.siteId;
  const item: { -readonly [K in keyof ResultItem]: ResultItem[K] } = {
    eventId: c.record.eventId,
    rule: c.rule.code,
    wording: c.rule.wording,
    points: toPoints(c.points),
    state: c.state,
    article: c.rule.article,
    articleName: c.rule.articleName,
    occurredOn: c.record.occurredOn,
  };
  if (siteId != null) item.siteId = siteId;
  if (c.reasons & Reason.CARRIED_OVER) item.carriedOver = true;
  return item;
};

export const pendingOf = (classified: readonly ClassifiedRecord[], asOf: LegalDate): PendingItem[] =>
  classified
    .filter((c) => c.state === 'pending')
    .map((c) => {
      const base = {
        eventId: c.record.eventId,
        rule: c.rule.code,
        wording: c.rule.wording,
        points: toPoints(c.points),
      };
      const warning = c.record.warning;
      return warning && warningState(warning, null, asOf) === 'open'
        ? { ...base, state: 'warning' as const, deadline: warning.deadline }
        : { ...base, state: 'awaiting-client' as const };
    });

/** The notes of the records' reasons (one line per interpretation or per record where it names one). */
export const reasonNotes = (classified: readonly ClassifiedRecord[], year: number): Note[] => {
  const carried: string[] = [];
  const warningFailed: string[] = [];
  const warningRectified: string[] = [];
  const perRecord: Note[] = [];
  for (const c of classified) {
    // Records outside the year (later ones, or earlier ones not carried over) say nothing about it.
    if (c.state === 'outside-period') continue;
    const id = c.record.eventId;
    const r = c.reasons;
    if (r !== 0) {
      if (r & Reason.CARRIED_OVER) carried.push(id);
      if (r & Reason.WARNING_FAILED) warningFailed.push(id);
      if (r & Reason.WARNING_RECTIFIED) warningRectified.push(id);
      const client = c.record.clientEventId;
      if (r & Reason.CLIENT_UNKNOWN)
        perRecord.push(
          note(
            'I4',
            `I4: client record ${client} of ${id} not known; not counted until it arrives`,
            `${id}所指的委托单位记录${client}尚未报送，报送前暂不计分`,
          ),
        );
      if (r & Reason.CLIENT_POINTS)
        perRecord.push(
          note(
            'I4',
            `I4: ${id} takes the points of client record ${client} (${toPoints(c.points)})`,
            `${id}按委托单位记录${client}的扣分计分（${toPoints(c.points)}分）`,
          ),
        );
      if (r & Reason.CLIENT_REVOKED)
        perRecord.push(
          note(
            'I4',
            `I4: client record ${client} revoked; ${id} not counted`,
            `委托单位记录${client}已撤销，${id}不计分`,
          ),
        );
      if (r & Reason.CLIENT_CANCELLED)
        perRecord.push(
          note(
            'I4',
            `I4: client record ${client} cancelled by its credit warning; ${id} not counted`,
            `委托单位记录${client}已在信用预警期限内完成整改、不予扣分，${id}不计分`,
          ),
        );
    }
    if (c.mergedInto !== undefined)
      perRecord.push(
        note(
          'I16',
          `I16: ${id} merged into ${c.mergedInto} (case ${c.record.caseNo})`,
          `${id}与${c.mergedInto}属同一处罚决定（案件编号${c.record.caseNo}），按其中扣分最多的一项计分`,
        ),
      );
    if (c.state === 'not-applicable')
      perRecord.push(
        note(
          'Annex 2',
          `Annex 2: ${id} ${c.rule.code} does not apply to the agency's categories`,
          `${id}（${c.rule.code}）属机构分类指标，不适用于该机构的类别，不计分（附件2）`,
        ),
      );
  }
  const out: Note[] = [];
  if (carried.length > 0)
    out.push(
      note(
        'I6',
        `I6: unrectified deductions of earlier years carried into ${year}: ${carried.join(', ')}`,
        `以前年度尚未完成整改的扣分信息计入${year}年度：${listZh(carried)}`,
      ),
    );
  if (warningFailed.length > 0)
    out.push(
      note(
        'I8',
        `I8: credit warning deadline passed unrectified; counted from occurrence: ${warningFailed.join(', ')}`,
        `信用预警整改期限届满未完成整改，自发生之日起扣分：${listZh(warningFailed)}`,
      ),
    );
  if (warningRectified.length > 0)
    out.push(
      note(
        'Art 22',
        `Art 22: rectified within the credit warning; not deducted: ${warningRectified.join(', ')}`,
        `在信用预警要求的时限内完成整改，不予扣分（第二十二条）：${listZh(warningRectified)}`,
      ),
    );
  return [...out, ...perRecord];
};
