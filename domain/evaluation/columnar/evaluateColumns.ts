import {
  appliesToCategories,
  CATALOGUE,
  isDeductionRule,
  isEnforcementMeasure,
  ruleByCode,
} from '../../catalogue/catalogue.ts';
import type { LegalDate } from '../../dates.ts';
import { INITIAL_SCORE, type Tenths, toPoints } from '../../points.ts';
import type { CreditRecord } from '../../records/creditRecord.ts';
import { type Agency, type Enterprise, type Subject, subjectKey } from '../../subjects/subject.ts';
import type { StaffRecordSummary } from '../agency.ts';
import type { PublishedGrade } from '../blacklist.ts';
import { isResultBlacklisted } from '../blacklist.ts';
import type { EvaluationInput } from '../evaluate.ts';
import { evaluateSubject } from '../evaluateSubject.ts';
import { type Grade, gradeOf } from '../grade.ts';
import { DEFAULT_OPTIONS, DISHONEST_RECORD_THRESHOLD, STAFF_WITH_RECORDS_THRESHOLD } from '../options.ts';
import { evaluatePractitioner } from '../practitioner.ts';
import { groupRecordsBySubject, sortEachGroup } from '../recordIndex.ts';
import { type ClientLookup, type EvaluationPeriod, Reason, type RecordState, STATES } from '../recordState.ts';
import type { SubjectContext, SubjectResult } from '../result.ts';
import { roundWeightedDown } from '../siteWeighting.ts';
import {
  DEADLINE,
  dayNumber,
  eventIdHash,
  HASH,
  hasCaseNo,
  OCCURRED,
  PACKED,
  POINTS,
  RECTIFIED,
  REPAIRED as REPAIRED_ON,
  REVOKED as REVOKED_ON,
  type RecordColumns,
  ROW,
  ruleIndexOf,
  siteOf,
} from './columns.ts';

/**
 * The evaluation computed from the columns (columns.ts), kept as columns: per subject its score,
 * grade and verdict; per record (in each subject's evaluation order) its state and points. The rules
 * are those of the readable functions, restated on numbers where a million records pass through
 * them; each restatement names the function it mirrors, and test/domain/evaluation/columnar/
 * evaluateColumns.test.ts proves the two equal on generated regions. A subject of a form the
 * columns do not restate (records of two kinds under one id, a site known only from its records,
 * I20) is evaluated by the readable functions themselves. Every subject's full result, with every
 * item of its explanation, is given by `materialiseResult`, and the output of `ecocredit evaluate`
 * by `resultsJsonChunks`.
 */
export interface ColumnarEvaluation {
  readonly input: EvaluationInput;
  readonly columns: RecordColumns;
  /** Record positions: a group's records are `placed[start[g]]` … `placed[start[g + 1] - 1]`, in evaluation order. */
  readonly start: Int32Array;
  readonly placed: Int32Array;
  /** Per position in `placed`: the state (index in STATES; SKIPPED for an identical delivery), reasons and points (tenths). */
  readonly state: Uint8Array;
  readonly reasons: Uint8Array;
  readonly points: Int32Array;
  /** Per subject (input order): score in tenths, grade (index in GRADES, NO_GRADE when suspended or a practitioner). */
  readonly score: Int32Array;
  readonly grade: Uint8Array;
  readonly directD: Uint8Array;
  readonly blacklisted: Uint8Array;
  /** Art 13: 1 dishonest, 0 not, -1 no verdict (suspended, I15) or not a practitioner. */
  readonly dishonest: Int8Array;
  /** 1 where the readable functions evaluated the subject (a form the columns do not restate). */
  readonly readable: Uint8Array;
  /** Annex 2: the derived staff record (−20) of an agency, in tenths; 0 when none. */
  readonly derivedPoints: Int32Array;
  readonly staff: ReadonlyMap<string, readonly StaffRecordSummary[]>;
  readonly clientOf: ClientLookup;
  readonly period: EvaluationPeriod;
  /** Published grades by subject (Art 19, I10). */
  readonly history: ReadonlyMap<string, readonly PublishedGrade[]>;
}

const COUNTED = 0;
const PENDING = 1;
const CANCELLED = 2;
const MERGED = 3;
const REVOKED = 4;
const REPAIRED = 5;
const OUTSIDE = 6;
const NOT_APPLICABLE = 7;
/** An identical delivery next to its first one: dropped (classifyAll). */
export const SKIPPED = 255;

export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];
export const NO_GRADE = 255;

// Per catalogue rule, the facts the rules ask of it, read once.
const RULE_DEDUCTION = Uint8Array.from(CATALOGUE, (r) => (isDeductionRule(r) ? 1 : 0));
const RULE_NO_POINTS = Uint8Array.from(CATALOGUE, (r) => (r.points.type === 'none' ? 1 : 0));
const RULE_SAME_AS_CLIENT = Uint8Array.from(CATALOGUE, (r) => (r.points.type === 'sameAsClient' ? 1 : 0));
const RULE_DIRECT_D = Uint8Array.from(CATALOGUE, (r) => (r.directD ? 1 : 0));
/** I16 (mergeMeasures.ts isMergeable): enforcement measures other than ENF_COURT_ENFORCEMENT. */
const RULE_MERGEABLE = Uint8Array.from(CATALOGUE, (r) =>
  isEnforcementMeasure(r) && r.code !== 'ENF_COURT_ENFORCEMENT' ? 1 : 0,
);
const RULE_CATEGORY = Uint8Array.from(CATALOGUE, (r) => (r.agencyCategories === undefined ? 0 : 1));

/** The working state of one evaluation (kept in one object so the loops below close over nothing). */
interface Run {
  readonly c: RecordColumns;
  readonly year: number;
  readonly asOf: number;
  readonly carryOver: boolean;
  readonly merge: boolean;
  readonly placed: Int32Array;
  readonly state: Uint8Array;
  readonly reasons: Uint8Array;
  readonly points: Int32Array;
  clientIndex: Map<string, number> | undefined;
  /** Scratch: an enterprise's site sums. */
  sums: Float64Array;
}

/**
 * A record's own state, packed as state × 256 + reasons. Mirrors `ownStatePacked` (recordState.ts):
 * Art 19, I6 (carried over), Art 22 / I8 (credit warnings, `warningState` in creditWarning.ts),
 * Art 23 (repair), revocation; dates are compared as YYYYMMDD numbers.
 */
const ownState = (run: Run, i: number, year: number): number => {
  const rows = run.c.rows;
  const at = i * ROW;
  const occurred = rows[at + OCCURRED]!;
  const asOf = run.asOf;
  if (occurred > asOf) return OUTSIDE << 8;
  const revoked = rows[at + REVOKED_ON]!;
  if (revoked >= 0 && revoked <= asOf) return REVOKED << 8;
  let reasons = 0;
  const occurredYear = (occurred / 10000) | 0;
  if (occurredYear > year) return OUTSIDE << 8;
  const rule = ruleIndexOf(rows[at + PACKED]!);
  if (occurredYear < year) {
    if (!run.carryOver || RULE_DEDUCTION[rule] === 0 || RULE_NO_POINTS[rule] === 1) return OUTSIDE << 8;
    const endOfYear = year * 10000 + 1231;
    const cutoff = Math.min(endOfYear, asOf);
    const rectified = rows[at + RECTIFIED]!;
    if (rectified >= 0 && rectified <= cutoff) return OUTSIDE << 8;
    reasons |= Reason.CARRIED_OVER;
  }
  const deadline = rows[at + DEADLINE]!;
  if (deadline >= 0) {
    const rectified = rows[at + RECTIFIED]!;
    if (rectified >= 0 && rectified <= deadline && rectified <= asOf)
      return (CANCELLED << 8) | reasons | Reason.WARNING_RECTIFIED;
    if (asOf <= deadline) return (PENDING << 8) | reasons;
    reasons |= Reason.WARNING_FAILED;
  }
  const repaired = rows[at + REPAIRED_ON]!;
  if (repaired >= 0 && repaired <= asOf) return (REPAIRED << 8) | reasons;
  return reasons;
};

/** I4 (recordIndex.ts clientsOf): the first record, in input order, with each eventId some record cites. */
const clientIndexOf = (c: RecordColumns): Map<string, number> => {
  const clients = new Map<string, number>();
  const referenced = new Set<string>();
  for (const i of c.citing) referenced.add(c.records[i]!.clientEventId!);
  if (referenced.size === 0) return clients;
  // A filter of the cited eventIds' hashes: only a record whose hash is in it has its eventId read.
  const bits = new Int32Array(1 << 15);
  for (const id of referenced) {
    const h = eventIdHash(id) & 0xfffff;
    bits[h >> 5]! |= 1 << (h & 31);
  }
  for (let i = 0; i < c.length; i++) {
    const h = c.rows[i * ROW + HASH]! & 0xfffff;
    if ((bits[h >> 5]! & (1 << (h & 31))) === 0) continue;
    const id = c.eventId[i]!;
    if (referenced.has(id) && !clients.has(id)) clients.set(id, i);
  }
  return clients;
};

/**
 * Classifies the records at positions [from, to) of `placed` into `state`, `reasons`, `points`.
 * Mirrors `classifyAll` without its merge (result.ts) and `classifyRecord` (recordState.ts): identical
 * deliveries side by side are dropped; an agency's "同委托单位" record takes its client record's points,
 * deductions only, and the client's revocation or cancellation (I4, Art 12).
 */
const classifyRange = (run: Run, from: number, to: number): void => {
  const c = run.c;
  let previous = -1;
  let previousHash = 0;
  for (let k = from; k < to; k++) {
    const i = run.placed[k]!;
    // The strings are compared only when their hashes are equal.
    const hash = c.rows[i * ROW + HASH]!;
    if (previous >= 0 && hash === previousHash && c.eventId[i] === c.eventId[previous]) {
      run.state[k] = SKIPPED;
      continue;
    }
    previous = i;
    previousHash = hash;
    const packed = ownState(run, i, run.year);
    let state = packed >> 8;
    let reasons = packed & 255;
    const rule = ruleIndexOf(c.rows[i * ROW + PACKED]!);
    let points = c.rows[i * ROW + POINTS]!;
    if (RULE_SAME_AS_CLIENT[rule] === 1) {
      run.clientIndex ??= clientIndexOf(c);
      const client = run.clientIndex.get(c.records[i]!.clientEventId ?? '');
      if (client === undefined) {
        points = 0;
        if (state === COUNTED) state = PENDING;
        reasons |= Reason.CLIENT_UNKNOWN;
      } else {
        points = Math.min(0, c.rows[client * ROW + POINTS]!);
        reasons |= Reason.CLIENT_POINTS;
        if (state === COUNTED) {
          const clientState = ownState(run, client, (c.rows[client * ROW + OCCURRED]! / 10000) | 0) >> 8;
          if (clientState === REVOKED) {
            state = REVOKED;
            reasons |= Reason.CLIENT_REVOKED;
          } else if (clientState === CANCELLED) {
            state = CANCELLED;
            reasons |= Reason.CLIENT_CANCELLED;
          } else if (clientState === PENDING) state = PENDING;
        }
      }
    }
    run.state[k] = state;
    run.reasons[k] = reasons;
    run.points[k] = points;
  }
};

/** I16: whether the record at position k takes part in a merge (mergeMeasures.ts isMergeable). */
const isMergeableAt = (run: Run, k: number): boolean => {
  const i = run.placed[k]!;
  const packed = run.c.rows[i * ROW + PACKED]!;
  return run.state[k] === COUNTED && hasCaseNo(packed) && RULE_MERGEABLE[ruleIndexOf(packed)] === 1;
};

/**
 * I16 within one scope (the positions `scope`): eventId of each loser → eventId of the winner.
 * Mirrors `mergeLosers` (mergeMeasures.ts): the largest deduction of a case counts, ties to the
 * smaller eventId.
 */
const losersOf = (run: Run, scope: readonly number[]): Map<string, string> => {
  const losers = new Map<string, string>();
  const c = run.c;
  let winners: Map<string, number> | undefined;
  for (const k of scope) {
    if (!isMergeableAt(run, k)) continue;
    winners ??= new Map();
    const caseNo = c.caseNo[run.placed[k]!]!;
    const best = winners.get(caseNo);
    if (
      best === undefined ||
      run.points[k]! < run.points[best]! ||
      (run.points[k] === run.points[best] && c.eventId[run.placed[k]!]! < c.eventId[run.placed[best]!]!)
    )
      winners.set(caseNo, k);
  }
  if (!winners) return losers;
  for (const k of scope) {
    if (!isMergeableAt(run, k)) continue;
    const winner = winners.get(c.caseNo[run.placed[k]!]!)!;
    if (winner !== k) losers.set(c.eventId[run.placed[k]!]!, c.eventId[run.placed[winner]!]!);
  }
  return losers;
};

/** I16 over one whole scope (mergeMeasuresOfOneCase): losers become `merged`. */
const mergeRange = (run: Run, from: number, to: number): void => {
  let any = false;
  for (let k = from; k < to && !any; k++) if (run.state[k] !== SKIPPED && isMergeableAt(run, k)) any = true;
  if (!any) return;
  const scope: number[] = [];
  for (let k = from; k < to; k++) if (run.state[k] !== SKIPPED) scope.push(k);
  const losers = losersOf(run, scope);
  if (losers.size === 0) return;
  for (const k of scope) if (losers.has(run.c.eventId[run.placed[k]!]!)) run.state[k] = MERGED;
};

const sumCountedRange = (run: Run, from: number, to: number): number => {
  let sum = INITIAL_SCORE as number;
  for (let k = from; k < to; k++) if (run.state[k] === COUNTED) sum += run.points[k]!;
  return sum;
};

const countedDirectD = (run: Run, from: number, to: number): boolean => {
  for (let k = from; k < to; k++)
    if (run.state[k] === COUNTED && RULE_DIRECT_D[ruleIndexOf(run.c.rows[run.placed[k]! * ROW + PACKED]!)] === 1)
      return true;
  return false;
};

interface Scored {
  readonly score: number;
  readonly directD: boolean;
}

/**
 * An enterprise by its sites. Mirrors `evaluateEnterprise` (enterprise.ts): Art 11, 16(1) each site
 * from 100; Art 16(2) / I9 weighted by output share (the units of `weightSites`, siteWeighting.ts,
 * taken when the columns were built, and its `roundWeightedDown`); a record without a siteId counts
 * at every site; I16 per site. Undefined where a site is known only from its records (I20), or the
 * subject's sites are not those the columns were built with: the readable function decides.
 */
const scoreEnterprise = (run: Run, subject: Enterprise, g: number, from: number, to: number): Scored | undefined => {
  const c = run.c;
  if (subject.sites !== c.sitesOf[g] || c.siteIdsRepeat[g] === 1) return undefined;
  classifyRange(run, from, to);
  let mergeable = false;
  for (let k = from; k < to; k++) {
    if (run.state[k] !== COUNTED) continue;
    if (siteOf(c.rows[run.placed[k]! * ROW + PACKED]!) === -2) return undefined; // I20: a site known from records only
    if (!mergeable && isMergeableAt(run, k)) mergeable = true;
  }
  const directD = countedDirectD(run, from, to);
  const firstSite = c.siteStart[g]!;
  const sites = c.siteStart[g + 1]! - firstSite;
  if (sites === 0) {
    if (run.merge) mergeRange(run, from, to);
    return { score: sumCountedRange(run, from, to), directD };
  }
  const merging = run.merge && mergeable;
  let losers: Map<string, string>[] | undefined;
  if (merging) {
    losers = [];
    for (let si = 0; si < sites; si++) {
      const scope: number[] = [];
      for (let k = from; k < to; k++) {
        if (run.state[k] === SKIPPED) continue;
        const site = siteOf(c.rows[run.placed[k]! * ROW + PACKED]!);
        if (site === si || site === -1) scope.push(k);
      }
      losers.push(losersOf(run, scope));
    }
  }
  if (run.sums.length < sites) run.sums = new Float64Array(sites * 2);
  const sums = run.sums;
  sums.fill(INITIAL_SCORE as number, 0, sites);
  for (let k = from; k < to; k++) {
    if (run.state[k] !== COUNTED) continue;
    const i = run.placed[k]!;
    const site = siteOf(c.rows[i * ROW + PACKED]!);
    const points = run.points[k]!;
    if (losers === undefined) {
      if (site === -1) for (let si = 0; si < sites; si++) sums[si]! += points;
      else sums[site]! += points;
      continue;
    }
    const id = c.eventId[i]!;
    if (site === -1) {
      for (let si = 0; si < sites; si++) if (!losers[si]!.has(id)) sums[si]! += points;
    } else if (!losers[site]!.has(id)) sums[site]! += points;
  }
  if (losers !== undefined)
    for (let k = from; k < to; k++) {
      if (run.state[k] === SKIPPED) continue;
      const i = run.placed[k]!;
      const site = siteOf(c.rows[i * ROW + PACKED]!);
      const id = c.eventId[i]!;
      let at = 0;
      let lost = 0;
      if (site === -1) {
        at = sites;
        for (let si = 0; si < sites; si++) if (losers[si]!.has(id)) lost++;
      } else if (site >= 0) {
        at = 1;
        if (losers[site]!.has(id)) lost = 1;
      }
      if (lost > 0 && lost === at) run.state[k] = MERGED;
    }
  if (sites === 1) return { score: sums[0]!, directD };
  let numerator = 0;
  for (let si = 0; si < sites; si++) numerator += sums[si]! * c.siteUnits[firstSite + si]!;
  return { score: roundWeightedDown(numerator, c.siteTotal[g]!), directD };
};

/**
 * An agency. Mirrors `evaluateAgency` (agency.ts): Art 12 deductions from 100; Annex 2 category
 * rules only for the agency's categories (not-applicable otherwise); I16; the derived staff record
 * (Annex 2, −20 when STAFF_WITH_RECORDS_THRESHOLD staff have counted records).
 */
const scoreAgency = (
  run: Run,
  subject: Agency,
  from: number,
  to: number,
  staff: readonly StaffRecordSummary[],
): Scored & { readonly derived: number } => {
  classifyRange(run, from, to);
  for (let k = from; k < to; k++) {
    if (run.state[k] === SKIPPED) continue;
    const rule = ruleIndexOf(run.c.rows[run.placed[k]! * ROW + PACKED]!);
    if (RULE_CATEGORY[rule] === 1 && !appliesToCategories(CATALOGUE[rule]!, subject.categories))
      run.state[k] = NOT_APPLICABLE;
  }
  if (run.merge) mergeRange(run, from, to);
  let score = sumCountedRange(run, from, to);
  let directD = countedDirectD(run, from, to);
  let derived = 0;
  if (staff.length >= STAFF_WITH_RECORDS_THRESHOLD) {
    const rule = ruleByCode('AG_STAFF_RECORDS')!;
    derived = rule.points.type === 'fixed' ? (rule.points.tenths as number) : 0;
    score += derived;
    directD ||= rule.directD;
  }
  return { score, directD, derived };
};

/**
 * A practitioner. Mirrors `evaluatePractitioner` (practitioner.ts): Art 13 / I5, two counted records
 * (from two departments under requireDistinctDepartments) make an environmental-dishonest individual;
 * I15 suspended: no verdict. Returns the verdict (1, 0, -1) and the first counted record's date.
 */
const judgePractitioner = (
  run: Run,
  subject: Extract<Subject, { kind: 'practitioner' }>,
  from: number,
  to: number,
  requireDistinctDepartments: boolean,
): { readonly verdict: number; readonly firstCountedOn: LegalDate | null } => {
  classifyRange(run, from, to);
  if (run.merge) mergeRange(run, from, to);
  let counted = 0;
  let first = -1;
  let departments: Set<string> | undefined;
  for (let k = from; k < to; k++) {
    if (run.state[k] !== COUNTED) continue;
    counted++;
    if (first < 0) first = run.placed[k]!;
    if (requireDistinctDepartments) {
      departments ??= new Set();
      departments.add(run.c.records[run.placed[k]!]!.department);
    }
  }
  const dishonest = requireDistinctDepartments
    ? (departments?.size ?? 0) >= DISHONEST_RECORD_THRESHOLD
    : counted >= DISHONEST_RECORD_THRESHOLD;
  return {
    verdict: subject.suspended ? -1 : dishonest ? 1 : 0,
    firstCountedOn: first < 0 ? null : run.c.records[first]!.occurredOn,
  };
};

/**
 * Each subject's records placed once, contiguously, by date, then eventId, then input order (what
 * `groupRecordsBySubject` in recordIndex.ts gives), from the columns alone.
 */
const group = (c: RecordColumns): { start: Int32Array; placed: Int32Array } => {
  const groups = c.groups;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < c.length; i++) {
    const g = c.group[i]!;
    if (g >= 0) start[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const placed = new Int32Array(start[groups]!);
  const key = new Int32Array(start[groups]!);
  for (let i = 0; i < c.length; i++) {
    const g = c.group[i]!;
    if (g >= 0) {
      const k = next[g]!++;
      placed[k] = i;
      key[k] = c.rows[i * ROW + OCCURRED]!;
    }
  }
  const ids = c.eventId;
  const before = (ka: number, a: number, kb: number, b: number): number => {
    if (ka !== kb) return ka - kb;
    const ea = ids[a]!;
    const eb = ids[b]!;
    if (ea !== eb) return ea < eb ? -1 : 1;
    return a - b;
  };
  const rows = c.rows;
  sortEachGroup(start, groups, placed, key, (i) => rows[i * ROW + OCCURRED]!, before);
  return { start, placed };
};

const NO_HISTORY: readonly PublishedGrade[] = [];

/**
 * The evaluation of `input` (its subjects; its records given as `columns`, built from the same
 * records in the same order) as columns. Practitioners first, as in `evaluateEach` (evaluate.ts),
 * because an agency's staff rule needs them.
 */
export const evaluateColumns = (input: EvaluationInput, columns: RecordColumns): ColumnarEvaluation => {
  const options = { ...DEFAULT_OPTIONS, ...input.options };
  const period: EvaluationPeriod = { year: input.year, asOf: input.asOf, options };
  const { start, placed } = group(columns);
  const m = placed.length;
  const run: Run = {
    c: columns,
    year: input.year,
    asOf: dayNumber(input.asOf),
    carryOver: options.carryOverUnrectified,
    merge: options.mergeMeasuresOfOneCase,
    placed,
    state: new Uint8Array(m),
    reasons: new Uint8Array(m),
    points: new Int32Array(m),
    clientIndex: undefined,
    sums: new Float64Array(8),
  };
  const subjects = input.subjects;
  const n = subjects.length;
  const score = new Int32Array(n);
  const grade = new Uint8Array(n).fill(NO_GRADE);
  const directD = new Uint8Array(n);
  const blacklisted = new Uint8Array(n);
  const dishonest = new Int8Array(n).fill(-1);
  const readable = new Uint8Array(n);
  const derivedPoints = new Int32Array(n);
  const historyBySubject = new Map<string, PublishedGrade[]>();
  for (const h of input.history ?? []) {
    const key = subjectKey(h.subject);
    const list = historyBySubject.get(key);
    if (list) list.push(h);
    else historyBySubject.set(key, [h]);
  }
  const clientOf: ClientLookup = (eventId) => {
    run.clientIndex ??= clientIndexOf(columns);
    const i = run.clientIndex.get(eventId);
    return i === undefined ? undefined : columns.records[i];
  };
  const ev: ColumnarEvaluation = {
    input,
    columns,
    start,
    placed,
    state: run.state,
    reasons: run.reasons,
    points: run.points,
    score,
    grade,
    directD,
    blacklisted,
    dishonest,
    readable,
    derivedPoints,
    staff: new Map(),
    clientOf,
    period,
    history: historyBySubject,
  };
  const staff = ev.staff as Map<string, StaffRecordSummary[]>;
  // Records of two kinds under one id, or a form the columns do not keep: the readable functions decide.
  const byReadable = (g: number): boolean => !columns.wellFormed || columns.mixedKinds[g] === 1;

  for (let si = 0; si < n; si++) {
    const s = subjects[si]!;
    if (s.kind !== 'practitioner') continue;
    const g = columns.groupOfSubject[si]!;
    let firstCountedOn: LegalDate | null;
    if (byReadable(g)) {
      readable[si] = 1;
      const result = evaluatePractitioner(s, recordsOf(ev, s), contextOf(ev, s));
      dishonest[si] = result.dishonest === null ? -1 : result.dishonest ? 1 : 0;
      firstCountedOn = result.firstCountedOn;
    } else {
      const judged = judgePractitioner(run, s, start[g]!, start[g + 1]!, options.requireDistinctDepartments);
      dishonest[si] = judged.verdict;
      firstCountedOn = judged.firstCountedOn;
    }
    if (s.employer?.kind === 'agency' && firstCountedOn != null) {
      const employerKey = subjectKey(s.employer);
      const list = staff.get(employerKey) ?? [];
      list.push({ practitionerId: s.id, firstCountedOn });
      staff.set(employerKey, list);
    }
  }

  for (let si = 0; si < n; si++) {
    const s = subjects[si]!;
    if (s.kind === 'practitioner') continue;
    const g = columns.groupOfSubject[si]!;
    const from = start[g]!;
    const to = start[g + 1]!;
    let scored: Scored | undefined;
    if (!byReadable(g)) {
      if (s.kind === 'enterprise') scored = scoreEnterprise(run, s, g, from, to);
      else {
        const agency = scoreAgency(run, s, from, to, staff.get(subjectKey(s)) ?? []);
        derivedPoints[si] = agency.derived;
        scored = agency;
      }
    }
    if (scored === undefined) {
      readable[si] = 1;
      const result = materialiseResult(ev, si);
      if (result.subject.kind === 'practitioner' || !('score' in result)) continue;
      score[si] = Math.round(result.score * 10);
      directD[si] = result.directD ? 1 : 0;
      blacklisted[si] = result.blacklisted ? 1 : 0;
      grade[si] = result.grade === null ? NO_GRADE : GRADES.indexOf(result.grade);
      continue;
    }
    score[si] = scored.score;
    directD[si] = scored.directD ? 1 : 0;
    if (s.suspended) continue; // I15: no grade for the year
    // Art 11, 12, 14: the grade; Art 19, I10: the blacklist counts this result's own grade.
    const g2 = gradeOf(scored.score as Tenths, scored.directD);
    grade[si] = GRADES.indexOf(g2);
    if (g2 === 'D')
      blacklisted[si] = isResultBlacklisted(
        g2,
        historyBySubject.get(subjectKey(s)) ?? NO_HISTORY,
        input.year,
        input.asOf,
      )
        ? 1
        : 0;
  }
  return ev;
};

/** A subject's records in evaluation order, as the record index gives them (recordIndex.ts). */
const recordsOf = (ev: ColumnarEvaluation, s: Subject): readonly CreditRecord[] => {
  const c = ev.columns;
  if (!c.wellFormed) return groupRecordsBySubject(ev.input.subjects, c.records).recordsOf(s);
  const g = c.groupOfId.get(s.id);
  if (g === undefined) return [];
  const out: CreditRecord[] = [];
  const mixed = c.mixedKinds[g] === 1;
  for (let k = ev.start[g]!; k < ev.start[g + 1]!; k++) {
    const r = c.records[ev.placed[k]!]!;
    if (!mixed || r.subject.kind === s.kind) out.push(r);
  }
  return out;
};

const contextOf = (ev: ColumnarEvaluation, s: Subject): SubjectContext => {
  return {
    period: ev.period,
    clientOf: ev.clientOf,
    history: ev.history.get(subjectKey(s)) ?? NO_HISTORY,
    recordsInOrder: ev.columns.wellFormed,
  };
};

/**
 * The full result of the subject at `index` (input order), every item of its explanation, exactly as
 * `evaluateEach` gives it: the readable functions over the subject's records, in the order the
 * columns placed them.
 */
export const materialiseResult = (ev: ColumnarEvaluation, index: number): SubjectResult => {
  const s = ev.input.subjects[index]!;
  const records = recordsOf(ev, s);
  if (s.kind === 'practitioner') {
    const { firstCountedOn: _, ...result } = evaluatePractitioner(s, records, contextOf(ev, s));
    return result;
  }
  return evaluateSubject(s, records, ev.staff.get(subjectKey(s)) ?? [], contextOf(ev, s));
};

/** Every item of a subject's explanation, from the columns: eventId, state and points, in order. */
export interface ItemColumns {
  readonly eventIds: string[];
  readonly states: RecordState[];
  readonly points: number[];
}

/**
 * A subject's items as the columns hold them (with an agency's derived staff record, Annex 2,
 * placed by date then eventId as `evaluateAgency` places it); undefined for a subject the readable
 * functions evaluated.
 */
export const itemColumnsOf = (ev: ColumnarEvaluation, index: number): ItemColumns | undefined => {
  if (ev.readable[index] === 1) return undefined;
  const s = ev.input.subjects[index]!;
  const c = ev.columns;
  const out: ItemColumns = { eventIds: [], states: [], points: [] };
  const g = c.groupOfId.get(s.id);
  let derived: { eventId: string; occurredOn: LegalDate } | undefined;
  if (s.kind === 'agency' && ev.derivedPoints[index] !== 0) {
    const dates = (ev.staff.get(subjectKey(s)) ?? []).map((x) => x.firstCountedOn).sort();
    derived = {
      eventId: `derived:AG_STAFF_RECORDS:${s.id}:${ev.input.year}`,
      occurredOn: dates[STAFF_WITH_RECORDS_THRESHOLD - 1]!,
    };
  }
  const pushDerived = () => {
    out.eventIds.push(derived!.eventId);
    out.states.push('counted');
    out.points.push(toPoints(ev.derivedPoints[index]!));
    derived = undefined;
  };
  if (g !== undefined)
    for (let k = ev.start[g]!; k < ev.start[g + 1]!; k++) {
      if (ev.state[k] === SKIPPED) continue;
      const i = ev.placed[k]!;
      const r = c.records[i]!;
      if (
        derived !== undefined &&
        (r.occurredOn > derived.occurredOn || (r.occurredOn === derived.occurredOn && r.eventId > derived.eventId))
      )
        pushDerived();
      out.eventIds.push(c.eventId[i]!);
      out.states.push(STATES[ev.state[k]!]!);
      out.points.push(toPoints(ev.points[k]!));
    }
  if (derived !== undefined) pushDerived();
  return out;
};

/**
 * The output of `ecocredit evaluate` (docs/api.md §4), in chunks of about `chunk` characters: the
 * same bytes as `JSON.stringify` of each result of `evaluateEach`, in input order.
 */
export function* resultsJsonChunks(ev: ColumnarEvaluation, chunk = 1 << 20): Generator<string> {
  let pending = '{"results":[';
  const n = ev.input.subjects.length;
  for (let i = 0; i < n; i++) {
    pending += (i === 0 ? '\n' : ',\n') + JSON.stringify(materialiseResult(ev, i));
    if (pending.length >= chunk) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n]}\n`;
}
