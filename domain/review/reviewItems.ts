import type { SubjectKind } from '../catalogue/kinds.ts';
import type { CycleKind } from '../cycles/definitions.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';
import {
  correctedEventId,
  type Objection,
  PRE_GRADE,
  type RecordCorrection,
  reviewTargets,
  type TargetReview,
} from '../objections/objection.ts';
import { MAX_REASON_LENGTH } from '../records/bounds.ts';
import { isDisputed, type ReportEntry } from '../reports/reportEntry.ts';
import type { InputIssue } from '../validation.ts';

/**
 * The review group's work (信用评价复核小组, Art 8): "对拟纳入环保不良企业名单的评价结果、有异议的评价结果进行复核",
 * and at the end of publicity "对公示期间收集的意见进行调查核实，对拟定等级（及拟纳入环保不良企业名单）进行复核后，
 * 确定评定结果" (Art 16(4), 17(6), 18(5)). An item needs review for each of these reasons; an item
 * carries all of them.
 */
export type ReviewReason = 'proposedD' | 'blacklistProposed' | 'disputed';

export const REVIEW_REASONS: readonly ReviewReason[] = ['proposedD', 'blacklistProposed', 'disputed'];

export const REVIEW_REASON_NAMES: Record<ReviewReason, string> = {
  // Art 8: D is 环保不良 — "拟纳入环保不良企业名单".
  proposedD: '拟评D级（环保不良）',
  // Art 19: the proposal to put the unit on the blacklist.
  blacklistProposed: '拟列入黑名单',
  // Art 8: "有异议的评价结果" — an objection, a disputed mark, or a public comment whose finding changes something.
  disputed: '有异议',
};

/** A league's latest report sent to the region, with its entries (Art 16(2), 17(3), 18(4)). */
export interface SentReport {
  readonly league: LeagueCode;
  readonly version: number;
  readonly entries: readonly ReportEntry[];
}

/**
 * A public comment on a listed result (Art 16(3), 17(4); Art 7 舆论监督) as the review reads it: only
 * those whose investigation found something that changes the result carry `needsReview`.
 */
export interface ReviewComment {
  readonly id: string;
  readonly subject: { readonly kind: SubjectKind; readonly id: string };
  readonly needsReview: boolean;
}

/** One item for the review group: a reported entry, why it is reviewed, and what it links to. */
export interface ReviewItem {
  readonly code: string;
  readonly kind: SubjectKind;
  readonly league: LeagueCode;
  /** The entry as the league reported it (frozen, the report's version). */
  readonly entry: ReportEntry;
  readonly reportVersion: number;
  /** Every reason, in REVIEW_REASONS order; never empty. */
  readonly reasons: readonly ReviewReason[];
  /** The enterprise's objections in publicity (Art 16(3), Art 8). */
  readonly objections: readonly string[];
  /** The public comments whose finding changes something. */
  readonly comments: readonly string[];
}

/**
 * The items needing review of a year and kind, from the leagues' latest sent reports, the publicity
 * objections and the comments with a finding: every proposed D, every proposed blacklisting and
 * every disputed result (Art 8). Ordered by league, then code; one item per reported participant.
 */
export const reviewItems = (input: {
  readonly year: number;
  readonly kind: CycleKind;
  readonly reports: readonly SentReport[];
  readonly objections: readonly Objection[];
  readonly comments: readonly ReviewComment[];
}): ReviewItem[] => {
  const objectionsOf = new Map<string, string[]>();
  for (const o of input.objections) {
    // Art 16(3), Art 8: an enterprise's objection during publicity is for the review group.
    if (o.kind !== 'publicity' || o.cycle.year !== input.year || o.cycle.kind !== input.kind) continue;
    objectionsOf.set(o.subject.id, [...(objectionsOf.get(o.subject.id) ?? []), o.id]);
  }
  const commentsOf = new Map<string, string[]>();
  for (const c of input.comments) {
    if (!c.needsReview || c.subject.kind !== input.kind) continue;
    commentsOf.set(c.subject.id, [...(commentsOf.get(c.subject.id) ?? []), c.id]);
  }
  const items: ReviewItem[] = [];
  for (const report of input.reports)
    for (const entry of report.entries) {
      if (entry.kind !== input.kind) continue;
      const objections = [...new Set(objectionsOf.get(entry.code) ?? [])].sort();
      const comments = [...new Set(commentsOf.get(entry.code) ?? [])].sort();
      const has: Record<ReviewReason, boolean> = {
        proposedD: entry.grade === 'D',
        blacklistProposed: entry.blacklistProposed,
        disputed: isDisputed(entry) || objections.length > 0 || comments.length > 0,
      };
      const reasons = REVIEW_REASONS.filter((r) => has[r]);
      if (reasons.length === 0) continue;
      items.push({
        code: entry.code,
        kind: entry.kind,
        league: report.league,
        entry,
        reportVersion: report.version,
        reasons,
        objections,
        comments,
      });
    }
  return items.sort((a, b) =>
    a.league === b.league ? a.code.localeCompare(b.code) : a.league.localeCompare(b.league),
  );
};

/** 维持 (confirm the proposed result) or 变更 (change it through its records). */
export type ReviewOutcome = 'confirmed' | 'changed';
export const REVIEW_OUTCOME_NAMES: Record<ReviewOutcome, string> = { confirmed: '维持', changed: '变更' };

export const MAX_DECISION_REASONS_LENGTH = MAX_REASON_LENGTH;

/** A record the review corrects (更正): its corrected fields; the rest of the record is carried over. */
export interface DecisionCorrection {
  /** The eventId of the record corrected. */
  readonly target: string;
  readonly correction: RecordCorrection;
}

/** A decision as the review group gives it: a change names the records it revokes or corrects. */
export interface DecisionInput {
  readonly outcome: ReviewOutcome;
  readonly reasons: string;
  /** For 变更: the records revoked (撤销) by the review, each with the decision's reasons. */
  readonly revoke: readonly string[];
  /** For 变更: the records corrected (更正), each replaced by `<old>.c1` with the corrected fields. */
  readonly correct?: readonly DecisionCorrection[];
}

const DATE = /^\d{4}-\d\d-\d\d$/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * What is wrong with a decision, every problem at once, naming the field. Art 8, 16(4): the review
 * decides with reasons (required, bounded); a change goes through the records (Art 23 ¶1: the score
 * follows the records), so it names at least one of the subject's records of the year, and a
 * confirmation changes none.
 */
export const decisionIssues = (input: DecisionInput, records: ReadonlySet<string>): InputIssue[] => {
  const issues: InputIssue[] = [];
  const reasons = input.reasons.trim();
  if (reasons.length === 0) issues.push({ path: 'reasons', message: '复核理由不能为空' });
  else if (input.reasons.length > MAX_DECISION_REASONS_LENGTH)
    issues.push({ path: 'reasons', message: `复核理由不能超过${MAX_DECISION_REASONS_LENGTH}个字符` });
  else if (CONTROL.test(input.reasons)) issues.push({ path: 'reasons', message: '复核理由含有不允许的控制字符' });
  const correct = input.correct ?? [];
  if (input.outcome === 'changed' && input.revoke.length === 0 && correct.length === 0)
    issues.push({ path: 'revoke', message: '变更评价结果须选择撤销或更正的信用信息' });
  if (input.outcome === 'confirmed' && input.revoke.length > 0)
    issues.push({ path: 'revoke', message: '维持评价结果不能撤销信用信息' });
  if (input.outcome === 'confirmed' && correct.length > 0)
    issues.push({ path: 'correct', message: '维持评价结果不能更正信用信息' });
  if (new Set(input.revoke).size !== input.revoke.length)
    issues.push({ path: 'revoke', message: '撤销的信用信息重复' });
  for (const id of input.revoke)
    if (!records.has(id))
      issues.push({ path: 'revoke', message: `信用信息 ${id.slice(0, 64)} 不是该评价对象本年度的信用信息` });
  const targets = correct.map((c) => c.target);
  if (new Set(targets).size !== targets.length) issues.push({ path: 'correct', message: '更正的信用信息重复' });
  for (const { target, correction } of correct) {
    const name = `信用信息 ${target.slice(0, 64)}`;
    if (!records.has(target))
      issues.push({ path: `correct.${target}`, message: `${name} 不是该评价对象本年度的信用信息` });
    else if (input.revoke.includes(target))
      issues.push({ path: `correct.${target}`, message: `${name} 不能同时撤销和更正` });
    else if (correctedEventId(target) === null)
      issues.push({ path: `correct.${target}`, message: `${name} 的事件编号过长，无法更正` });
    if (!DATE.test(correction.occurredOn) || correction.occurredOn > '9999-12-31')
      issues.push({ path: `correct.${target}.occurredOn`, message: `${name} 更正后的发生日期无效` });
    if (correction.rule.trim() === '')
      issues.push({ path: `correct.${target}.rule`, message: `${name} 更正后的评价指标代码不能为空` });
  }
  return issues;
};

/**
 * What the review's decision says of an enterprise's objection in publicity (Art 8: the review group
 * reviews the disputed results, Art 16(3)-(4)): each disputed record revoked or corrected as the
 * decision did, otherwise upheld (维持); the pre-grade as a whole upheld when the decision is 维持,
 * corrected when it is 变更 — always with the decision's reasons. The objection is answered by it.
 */
export const objectionReviewsOf = (
  o: Pick<Objection, 'records' | 'preGrade'>,
  d: { readonly outcome: ReviewOutcome; readonly reasons: string; readonly revoked: readonly string[] } & {
    readonly corrected?: readonly (RecordCorrection & { readonly target: string; readonly eventId: string })[];
  },
): TargetReview[] =>
  reviewTargets(o).map((target): TargetReview => {
    if (target === PRE_GRADE)
      return { target, outcome: d.outcome === 'changed' ? 'corrected' : 'upheld', reasons: d.reasons };
    if (d.revoked.includes(target)) return { target, outcome: 'revoked', reasons: d.reasons };
    const c = d.corrected?.find((x) => x.target === target);
    if (!c) return { target, outcome: 'upheld', reasons: d.reasons };
    const { target: _t, ...correction } = c;
    return { target, outcome: 'corrected', reasons: d.reasons, correction };
  });

/** How many items have no decision yet (`reviewConfirmed` waits for none, Art 16(4), 17(6), 18(5)). */
export const undecidedCount = (items: readonly Pick<ReviewItem, 'code'>[], decided: ReadonlySet<string>): number =>
  items.filter((i) => !decided.has(i.code)).length;

/** Why `reviewConfirmed` is refused while items are undecided, in Chinese; null when none is. */
export const reviewConfirmedRefusal = (undecided: number): string | null =>
  undecided === 0 ? null : `尚有${undecided}项复核事项未作出复核决定（维持或变更），不能确认复核审定完毕`;

/**
 * Why `published` is refused while final results are still being frozen, in Chinese; null when all
 * are. Art 16(5), 17(7): what is published is the result the review determined (复核审定), so the
 * publication waits for every listed participant's frozen result rather than evaluating on the day.
 */
export const finalResultsPendingRefusal = (expected: number, frozen: number): string | null =>
  frozen >= expected ? null : `评定结果尚在生成（已生成${frozen}个，共${expected}个），请稍后再公布评价结果`;
