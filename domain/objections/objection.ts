import type { SubjectKind } from '../catalogue/kinds.ts';
import { type Cycle, stageOf } from '../cycles/cycle.ts';
import { CYCLES, type CycleKind, deadlineId } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';
import { maskResidentId } from '../participants/practitionerFiling.ts';
import { MAX_EVENT_ID_LENGTH, MAX_REASON_LENGTH, MAX_SUMMARY_LENGTH } from '../records/bounds.ts';
import { contentHashOf } from '../records/contentHash.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import { EVENT_ID_RE } from '../records/eventId.ts';
import type { InputIssue } from '../validation.ts';

/**
 * An objection (异议) as data (Art 17(3), 18(4); Art 8 and 16(3) for enterprises): a participant
 * disputes records of its confirmation notice, or its pre-grade as a whole, with reasons and evidence;
 * the league bureau reviews each disputed record — upheld, corrected or revoked, always with reasons —
 * within its working-day limit, and notifies the participant of the result.
 */

/**
 * `confirmation`: an agency's or practitioner's objection in the CONFIRMATION window (Art 17(3), 18(4)),
 * reviewed by its league bureau. `publicity`: an enterprise's objection during the region's publicity
 * (Art 16(3)), for the region's review group (Art 8).
 */
export type ObjectionKind = 'confirmation' | 'publicity';

/** What a review decides for one disputed record (or for the pre-grade as a whole). */
export type ReviewOutcome = 'upheld' | 'corrected' | 'revoked';
export const REVIEW_OUTCOME_NAMES: Record<ReviewOutcome, string> = {
  upheld: '维持',
  corrected: '更正',
  revoked: '撤销',
};

/** How a record under an open objection is shown everywhere, until reviewed (Art 17(3), 18(4)). */
export const DISPUTED_TEXT = '有异议（复核中）';
/** How a proposed grade that depends on a disputed record is qualified. */
export const GRADE_DEPENDS_TEXT = '拟定等级取决于有异议的记录';

/** The target of a review: a record's eventId, or the pre-grade as a whole. */
export const PRE_GRADE = 'preGrade';

/** The fields a bureau may correct in a disputed record (the rest is carried over). */
export interface RecordCorrection {
  readonly rule: string;
  readonly occurredOn: LegalDate;
  readonly fineYuan: number | null;
  readonly summary: string | null;
}

export interface TargetReview {
  /** A disputed record's eventId, or PRE_GRADE. */
  readonly target: string;
  readonly outcome: ReviewOutcome;
  readonly reasons: string;
  /** For a corrected record: its corrected fields, and the eventId of the corrected record. */
  readonly correction?: RecordCorrection & { readonly eventId: string };
}

export interface Objection {
  readonly id: string;
  readonly kind: ObjectionKind;
  readonly cycle: { readonly year: number; readonly kind: CycleKind };
  readonly league: LeagueCode;
  readonly subject: { readonly kind: SubjectKind; readonly id: string };
  readonly subjectName: string;
  /** The disputed records' eventIds (may be empty when only the pre-grade is disputed). */
  readonly records: readonly string[];
  /** The pre-grade disputed as a whole (预评等级整体). */
  readonly preGrade: boolean;
  readonly reasons: string;
  readonly evidenceFiles: readonly string[];
  readonly filedAt: string;
  readonly filedOn: LegalDate;
  readonly filedBy: string;
  /** The window's closing date it was filed in (the objection deadline). */
  readonly windowClosesOn: LegalDate | null;
  readonly status: 'open' | 'reviewed';
  readonly reviews: readonly TargetReview[];
  readonly reviewedAt: string | null;
  readonly reviewedBy: string | null;
}

/** Reasons and review reasons: bounded text, like a repair decision's reason. */
export const MAX_OBJECTION_REASONS_LENGTH = MAX_SUMMARY_LENGTH;
export const MAX_REVIEW_REASONS_LENGTH = MAX_REASON_LENGTH;
/** Evidence files one objection may name (as a repair application). */
export const MAX_OBJECTION_FILES = 5;
/** Records one objection may dispute (a participant's records of one year are far fewer). */
export const MAX_DISPUTED_RECORDS = 200;

export interface ObjectionInput {
  readonly records: readonly string[];
  readonly preGrade: boolean;
  readonly reasons: string;
  readonly evidenceFiles: readonly string[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

const textIssue = (field: string, label: string, value: string, max: number): InputIssue | null => {
  if (value.trim().length === 0) return { path: field, message: `${label}不能为空` };
  if (value.length > max) return { path: field, message: `${label}不能超过${max}个字符` };
  if (CONTROL.test(value)) return { path: field, message: `${label}含有不允许的控制字符` };
  return null;
};

/**
 * What is wrong with an objection, every problem at once, naming its field (nothing is stored
 * otherwise). Art 17(3), 18(4): an objection says what is disputed and why — a record of the
 * participant's own confirmation notice, or the pre-grade as a whole; the reasons are required.
 */
export const objectionInputIssues = (input: ObjectionInput, ownRecords: ReadonlySet<string>): InputIssue[] => {
  const issues: InputIssue[] = [];
  if (input.records.length === 0 && !input.preGrade)
    issues.push({ path: 'records', message: '请选择有异议的信用信息，或对预评等级整体提出异议' });
  if (input.records.length > MAX_DISPUTED_RECORDS)
    issues.push({ path: 'records', message: `有异议的信用信息不能超过${MAX_DISPUTED_RECORDS}条` });
  if (new Set(input.records).size !== input.records.length)
    issues.push({ path: 'records', message: '有异议的信用信息重复' });
  for (const id of input.records)
    if (!EVENT_ID_RE.test(id) || !ownRecords.has(id))
      issues.push({
        path: 'records',
        message: `信用信息 ${id.slice(0, MAX_EVENT_ID_LENGTH)} 不是本单位本年度的信用信息`,
      });
  const reasons = textIssue('reasons', '异议理由', input.reasons, MAX_OBJECTION_REASONS_LENGTH);
  if (reasons) issues.push(reasons);
  if (input.evidenceFiles.length > MAX_OBJECTION_FILES)
    issues.push({ path: 'evidenceFiles', message: `证明材料文件不能超过${MAX_OBJECTION_FILES}个` });
  if (new Set(input.evidenceFiles).size !== input.evidenceFiles.length)
    issues.push({ path: 'evidenceFiles', message: '证明材料文件重复' });
  return issues;
};

/**
 * The objection's id, deterministic from what is filed, so that a retried or duplicated submission
 * names the same objection and changes nothing: `<kind>-<subject id>-<year>-<12 hex of the content>`.
 * Only [A-Za-z0-9-], so it serves as the cycle's case id and in a notice id.
 */
export const objectionIdOf = (
  subject: { readonly kind: SubjectKind; readonly id: string },
  year: number,
  input: ObjectionInput,
): string => {
  const content = JSON.stringify([
    [...input.records].sort(),
    input.preGrade,
    input.reasons.trim(),
    [...input.evidenceFiles].sort(),
  ]);
  return `${subject.kind}-${subject.id}-${year}-${contentHashOf(content).slice(0, 12)}`;
};

const ID_RE = /^(enterprise|agency|practitioner)-([0-9A-Z]{18})-(\d{4})-([0-9a-f]{12})$/;
/** The subject and year an objection id names; null for anything that is not one. */
export const parseObjectionId = (
  id: string,
): { readonly subject: { readonly kind: SubjectKind; readonly id: string }; readonly year: number } | null => {
  const m = ID_RE.exec(id);
  return m ? { subject: { kind: m[1] as SubjectKind, id: m[2]! }, year: Number(m[3]) } : null;
};

/**
 * An objection id as pages, lists and notices show it: a practitioner's names its resident identity
 * number, shown masked there (Art 18(6): practitioners' evaluation is not public; the number holds
 * the birth date). The whole id still addresses the objection.
 */
export const objectionIdShown = (id: string): string => {
  const parsed = parseObjectionId(id);
  return parsed?.subject.kind === 'practitioner'
    ? id.replace(parsed.subject.id, maskResidentId(parsed.subject.id))
    : id;
};

export type ObjectionWindow =
  | { readonly open: true; readonly opensOn: LegalDate; readonly closesOn: LegalDate; readonly article: string }
  | { readonly open: false; readonly reason: string };

/**
 * Whether a league's participants may object now, and until when. Art 17(3) (agencies) and 18(4)
 * (practitioners): objections are raised within the 5 working days after the confirmation notice —
 * only while the league's CONFIRMATION window is open; its closing date is the objection deadline.
 * `now` is an instant (ISO).
 */
export const objectionWindow = (cycle: Cycle, league: LeagueCode, now: string): ObjectionWindow => {
  const def = CYCLES[cycle.kind].find((s) => s.stage === 'CONFIRMATION');
  if (!def?.objections) return { open: false, reason: '本类评价对象没有确认环境信息和预评结果环节' };
  const track = cycle.leagues[league];
  if (!track || stageOf(cycle, league) !== 'CONFIRMATION')
    return { open: false, reason: '当前不在确认环境信息和预评结果期间，不能提出异议' };
  if (!track.openedOn) return { open: false, reason: '尚未通知确认环境信息和预评结果' };
  const end = cycle.deadlines.find((d) => d.id === deadlineId('CONFIRMATION', 'end', league));
  // The window closes at its instant even if the deadline's firing is late (I12: 23:59:59 Asia/Shanghai).
  if (end?.status !== 'scheduled' || now > end.at) return { open: false, reason: '异议期限已届满' };
  return { open: true, opensOn: track.openedOn, closesOn: end.on, article: def.objections.article };
};

/**
 * Whether an enterprise may object now, and until when. Art 16 gives enterprises no confirmation
 * stage, but the results are published for 7 working days (Art 16(3)) and disputed results go to the
 * region's review group (Art 8): an enterprise objects while the region's PUBLICITY window is open.
 */
export const publicityWindow = (cycle: Cycle, now: string): ObjectionWindow => {
  if (cycle.kind !== 'enterprise') return { open: false, reason: '仅企业在公示期间提出异议' };
  if (!cycle.region || stageOf(cycle, null) !== 'PUBLICITY' || !cycle.region.openedOn)
    return { open: false, reason: '当前不在评价结果公示期间，不能提出异议' };
  const end = cycle.deadlines.find((d) => d.id === deadlineId('PUBLICITY', 'end'));
  if (end?.status !== 'scheduled' || now > end.at) return { open: false, reason: '公示期已届满' };
  return { open: true, opensOn: cycle.region.openedOn, closesOn: end.on, article: 'Art 16(3)' };
};

/** The window a participant of this cycle objects in: publicity for enterprises, confirmation for the rest. */
export const windowFor = (cycle: Cycle, league: LeagueCode, now: string): ObjectionWindow =>
  cycle.kind === 'enterprise' ? publicityWindow(cycle, now) : objectionWindow(cycle, league, now);

/**
 * The review's limit of one objection from the cycle's deadline path (Art 17(3): 10 working days;
 * Art 18(4): 5), or null while the cycle has not received it.
 */
export const reviewDeadlineOf = (
  cycle: Cycle,
  objection: Pick<Objection, 'id' | 'league'>,
): { readonly on: LegalDate; readonly article: string; readonly overdue: boolean } | null => {
  const d = cycle.deadlines.find((x) => x.id === deadlineId('OBJECTION', 'review', objection.league, objection.id));
  if (!d) return null;
  const overdue = cycle.alerts.some((a) => a.deadlineId === d.id && a.status === 'open');
  return { on: d.on, article: d.article, overdue };
};

/** Whether the cycle has received the objection (the act `objectionReceived` was recorded). */
export const receivedBy = (cycle: Cycle, objectionId: string): 'open' | 'reviewed' | null =>
  cycle.objections.find((o) => o.caseId === objectionId)?.status ?? null;

/** The targets a review must decide: each disputed record, then the pre-grade if disputed. */
export const reviewTargets = (o: Pick<Objection, 'records' | 'preGrade'>): string[] => [
  ...o.records,
  ...(o.preGrade ? [PRE_GRADE] : []),
];

/**
 * The corrected record's eventId, derived from the old one so that a retried review names the same
 * record: `<old>.c1`, or the next `.cN` when the old one is itself a correction. Null when too long.
 */
export const correctedEventId = (old: string): string | null => {
  const m = /^(.*)\.c(\d+)$/.exec(old);
  const id = m ? `${m[1]}.c${Number(m[2]) + 1}` : `${old}.c1`;
  return id.length <= MAX_EVENT_ID_LENGTH ? id : null;
};

/** The corrected record: the old one with the bureau's corrected fields, under the derived eventId. */
export const correctedRecord = (
  before: CreditRecord,
  c: RecordCorrection & { readonly eventId?: string },
): CreditRecord => ({
  ...before,
  eventId: c.eventId ?? correctedEventId(before.eventId) ?? before.eventId,
  rule: c.rule,
  occurredOn: c.occurredOn,
  fineYuan: c.fineYuan,
  summary: c.summary,
  rectifiedOn: null,
  repairedOn: null,
  revokedOn: null,
});

/**
 * What is wrong with a review, every problem at once (Art 17(3), 18(4): each disputed record is
 * reviewed, and the result is given with reasons). Every target exactly once; reasons required;
 * a corrected record carries its corrected fields; the pre-grade as a whole is upheld or corrected
 * (it is not a record: revoking it means nothing — the records under it are what can be revoked).
 */
export const reviewIssues = (
  o: Pick<Objection, 'records' | 'preGrade' | 'status'>,
  reviews: readonly TargetReview[],
): InputIssue[] => {
  const issues: InputIssue[] = [];
  if (o.status !== 'open') issues.push({ path: '', message: '该异议已复核' });
  const targets = reviewTargets(o);
  for (const t of targets) {
    const n = reviews.filter((r) => r.target === t).length;
    if (n === 0) issues.push({ path: `reviews.${t}`, message: `请对${label(t)}作出复核结论` });
    if (n > 1) issues.push({ path: `reviews.${t}`, message: `${label(t)}的复核结论重复` });
  }
  for (const r of reviews) {
    if (!targets.includes(r.target)) {
      issues.push({ path: `reviews.${r.target}`, message: `${label(r.target)}不在异议范围内` });
      continue;
    }
    const reasons = textIssue(
      `reviews.${r.target}.reasons`,
      `${label(r.target)}的复核理由`,
      r.reasons,
      MAX_REVIEW_REASONS_LENGTH,
    );
    if (reasons) issues.push(reasons);
    if (r.target === PRE_GRADE && r.outcome === 'revoked')
      issues.push({ path: `reviews.${r.target}.outcome`, message: '预评等级整体只能维持或更正' });
    if (r.target !== PRE_GRADE && r.outcome === 'corrected') {
      if (!r.correction)
        issues.push({ path: `reviews.${r.target}.correction`, message: `请填写${label(r.target)}更正后的内容` });
      else if (r.correction.eventId !== correctedEventId(r.target))
        issues.push({ path: `reviews.${r.target}.correction`, message: `${label(r.target)}更正后的事件编号无效` });
      else if (r.correction.occurredOn > '9999-12-31' || !/^\d{4}-\d\d-\d\d$/.test(r.correction.occurredOn))
        issues.push({ path: `reviews.${r.target}.occurredOn`, message: `${label(r.target)}更正后的发生日期无效` });
    }
  }
  return issues;
};

const label = (target: string): string => (target === PRE_GRADE ? '预评等级整体' : `信用信息 ${target}`);

/** The objection once reviewed: its outcomes, who and when. */
export const reviewed = (o: Objection, reviews: readonly TargetReview[], at: string, by: string): Objection => ({
  ...o,
  status: 'reviewed',
  reviews: reviewTargets(o).map((t) => reviews.find((r) => r.target === t)!),
  reviewedAt: at,
  reviewedBy: by,
});

/**
 * The records under an open objection (有异议（复核中）): shown as disputed everywhere until reviewed
 * (Art 17(3), 18(4): the bureau reviews before it reports the pre-grades).
 */
export const disputedRecords = (objections: readonly Objection[]): Set<string> =>
  new Set(objections.filter((o) => o.status === 'open').flatMap((o) => o.records));

/**
 * Whether a proposed grade depends on a disputed record: a counted record of the result is under an
 * open objection, or the pre-grade itself is disputed (拟定等级取决于有异议的记录).
 */
export const gradeDependsOnDispute = (objections: readonly Objection[], countedRecords: readonly string[]): boolean => {
  const open = objections.filter((o) => o.status === 'open');
  if (open.some((o) => o.preGrade)) return true;
  const disputed = disputedRecords(open);
  return countedRecords.some((id) => disputed.has(id));
};
