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
import { type EvaluationInput, historyBySubjectOf } from '../evaluate.ts';
import { evaluateSubject } from '../evaluateSubject.ts';
import { type Grade, gradeOf } from '../grade.ts';
import { DEFAULT_OPTIONS, DISHONEST_RECORD_THRESHOLD, STAFF_WITH_RECORDS_THRESHOLD } from '../options.ts';
import { evaluatePractitioner } from '../practitioner.ts';
import { groupRecordsBySubject, sortEachGroup } from '../recordIndex.ts';
import {
  type ClientLookup,
  type EvaluationPeriod,
  Reason,
  type RecordState,
  STATES,
  StateIndex,
} from '../recordState.ts';
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

const { COUNTED, PENDING, CANCELLED, MERGED, REVOKED, REPAIRED, OUTSIDE, NOT_APPLICABLE } = StateIndex;
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
  /** Scratch: one subject's I16 candidates (candidatesOf). */
  readonly mk: Int32Array;
  /** Scratch: an enterprise's site sums. */
  sums: Float64Array;
}

/**
 * A record's own state, packed as state × 256 + reasons. Mirrors `ownStatePacked` (recordState.ts):
 * Art 19, I6 (carried over), Art 22 / I8 (credit warnings, `warningState` in creditWarning.ts),
 * Art 23 (repair), revocation; dates are compared as YYYYMMDD numbers.
 */
const ownState = (run: Run, rows: Int32Array, at: number, year: number): number => {
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

/** Field `field` of the row (columns.ts) of the record at position k. */
const fieldAt = (run: Run, k: number, field: number): number => run.c.rows[run.placed[k]! * ROW + field]!;

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
    const h = c.idHash[i]! & 0xfffff;
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
    const hash = fieldAt(run, k, HASH);
    if (previous >= 0 && hash === previousHash && c.eventId[i] === c.eventId[previous]) {
      run.state[k] = SKIPPED;
      continue;
    }
    previous = i;
    previousHash = hash;
    const packed = ownState(run, c.rows, i * ROW, run.year);
    let state = packed >> 8;
    let reasons = packed & 255;
    const rule = ruleIndexOf(fieldAt(run, k, PACKED));
    let points = fieldAt(run, k, POINTS);
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
          const clientYear = (c.rows[client * ROW + OCCURRED]! / 10000) | 0;
          const clientState = ownState(run, c.rows, client * ROW, clientYear) >> 8;
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

/** I16 (mergeMeasures.ts isMergeable), of a counted record: a mergeable measure with a case number. */
const isMergeablePacked = (packed: number): boolean => hasCaseNo(packed) && RULE_MERGEABLE[ruleIndexOf(packed)] === 1;

/** I16: whether the record at position k takes part in a merge (mergeMeasures.ts isMergeable). */
const isMergeableAt = (run: Run, k: number): boolean =>
  run.state[k] === COUNTED && isMergeablePacked(fieldAt(run, k, PACKED));

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

/**
 * The most I16 candidates of one subject compared pairwise; a subject with more is merged through
 * maps (losersOf), as the readable functions do.
 */
const MAX_PAIRWISE_CANDIDATES = 64;

/**
 * The I16 candidates of [from, to) (positions that take part in a merge, isMergeableAt) into `run.mk`;
 * their number, or -1 where the merge must be keyed by eventId as `mergeLosers` keys it: more than
 * MAX_PAIRWISE_CANDIDATES, or a candidate's eventId also at another position of the subject. Otherwise
 * every candidate has its own eventId, the candidates of a case are totally ordered by (points,
 * eventId), and a candidate loses exactly when another one of its case comes first (losesAt).
 */
const candidatesOf = (run: Run, from: number, to: number): number => {
  let n = 0;
  for (let k = from; k < to && n >= 0; k++) if (isMergeableAt(run, k)) n = withCandidate(run, n, k);
  return withoutRepeatedIds(run, from, to, n);
};

/** Candidate k added to the n of `run.mk`: their new number, -1 past MAX_PAIRWISE_CANDIDATES. */
const withCandidate = (run: Run, n: number, k: number): number => {
  if (n === MAX_PAIRWISE_CANDIDATES) return -1;
  run.mk[n] = k;
  return n + 1;
};

/** The n candidates of [from, to), or -1 where one's eventId is also at another position (candidatesOf). */
const withoutRepeatedIds = (run: Run, from: number, to: number, n: number): number => {
  if (n < 2) return n;
  const c = run.c;
  const mk = run.mk;
  for (let a = 0; a < n; a++) {
    const i = run.placed[mk[a]!]!;
    const hash = fieldAt(run, mk[a]!, HASH);
    for (let k = from; k < to; k++) {
      if (k === mk[a] || run.state[k] === SKIPPED) continue;
      if (fieldAt(run, k, HASH) === hash && c.eventId[run.placed[k]!] === c.eventId[i]) return -1;
    }
  }
  return n;
};

/** Every site's scope at once: a subject without sites, an agency, a practitioner. */
const WHOLE_SUBJECT = -1;

/**
 * I16 (mergeLosers): whether candidate `a` of `run.mk` loses in the scope of `site` (the site's
 * records and those without a site; WHOLE_SUBJECT for all): another candidate of the scope with the
 * same case number has a larger deduction, or the same deduction and the smaller eventId.
 */
const losesAt = (run: Run, a: number, n: number, site: number): boolean => {
  const c = run.c;
  const mk = run.mk;
  const i = run.placed[mk[a]!]!;
  const caseNo = c.caseNo[i];
  const points = run.points[mk[a]!]!;
  for (let b = 0; b < n; b++) {
    if (b === a) continue;
    const other = run.points[mk[b]!]!;
    if (other > points) continue;
    if (site !== WHOLE_SUBJECT) {
      const at = siteOf(fieldAt(run, mk[b]!, PACKED));
      if (at !== site && at !== -1) continue;
    }
    const j = run.placed[mk[b]!]!;
    if (c.caseNo[j] !== caseNo) continue;
    if (other < points || c.eventId[j]! < c.eventId[i]!) return true;
  }
  return false;
};

/** I16 over one whole scope (mergeMeasuresOfOneCase): losers become `merged`. */
const mergeRange = (run: Run, from: number, to: number): void =>
  mergeCandidates(run, from, to, candidatesOf(run, from, to));

/** mergeRange with the n candidates of [from, to) in `run.mk` (candidatesOf). */
const mergeCandidates = (run: Run, from: number, to: number, n: number): void => {
  if (n === -1) {
    mergeRangeByEventId(run, from, to);
    return;
  }
  for (let a = 0; a < n; a++) if (losesAt(run, a, n, WHOLE_SUBJECT)) run.state[run.mk[a]!] = MERGED;
};

/** mergeRange where the merge is keyed by eventId (candidatesOf gave -1). */
const mergeRangeByEventId = (run: Run, from: number, to: number): void => {
  const scope: number[] = [];
  for (let k = from; k < to; k++) if (run.state[k] !== SKIPPED) scope.push(k);
  const losers = losersOf(run, scope);
  for (const k of scope) if (losers.has(run.c.eventId[run.placed[k]!]!)) run.state[k] = MERGED;
};

const sumCountedRange = (run: Run, from: number, to: number): number => {
  let sum = INITIAL_SCORE as number;
  for (let k = from; k < to; k++) if (run.state[k] === COUNTED) sum += run.points[k]!;
  return sum;
};

const countedDirectD = (run: Run, from: number, to: number): boolean => {
  for (let k = from; k < to; k++)
    if (run.state[k] === COUNTED && RULE_DIRECT_D[ruleIndexOf(fieldAt(run, k, PACKED))] === 1) return true;
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
  // One pass over the counted records: I20 (a site known from records only), direct D, I16 candidates.
  let directD = false;
  let candidates = 0;
  for (let k = from; k < to; k++) {
    if (run.state[k] !== COUNTED) continue;
    const packed = fieldAt(run, k, PACKED);
    if (siteOf(packed) === -2) return undefined; // I20: the readable function decides
    if (RULE_DIRECT_D[ruleIndexOf(packed)] === 1) directD = true;
    if (run.merge && candidates >= 0 && isMergeablePacked(packed)) candidates = withCandidate(run, candidates, k);
  }
  candidates = withoutRepeatedIds(run, from, to, candidates);
  const firstSite = c.siteStart[g]!;
  const sites = c.siteStart[g + 1]! - firstSite;
  if (sites === 0) {
    if (run.merge) mergeCandidates(run, from, to, candidates);
    return { score: sumCountedRange(run, from, to), directD };
  }
  if (candidates === -1) return undefined; // merges keyed by eventId: the readable function decides
  if (run.sums.length < sites) run.sums = new Float64Array(sites * 2);
  const sums = run.sums;
  sums.fill(INITIAL_SCORE as number, 0, sites);
  // A record that takes part in no merge counts at its site, or at every site without one.
  for (let k = from; k < to; k++) {
    if (run.state[k] !== COUNTED || (candidates > 0 && isMergeableAt(run, k))) continue;
    const site = siteOf(fieldAt(run, k, PACKED));
    const points = run.points[k]!;
    if (site === -1) for (let si = 0; si < sites; si++) sums[si]! += points;
    else sums[site]! += points;
  }
  // I16 per site: a candidate counts where it does not lose, and is merged where it loses at every site of its scope.
  for (let a = 0; a < candidates; a++) {
    const k = run.mk[a]!;
    const site = siteOf(fieldAt(run, k, PACKED));
    const points = run.points[k]!;
    if (site === -1) {
      let lost = 0;
      for (let si = 0; si < sites; si++)
        if (losesAt(run, a, candidates, si)) lost++;
        else sums[si]! += points;
      if (lost === sites) run.state[k] = MERGED;
    } else if (losesAt(run, a, candidates, site)) run.state[k] = MERGED;
    else sums[site]! += points;
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
    const rule = ruleIndexOf(fieldAt(run, k, PACKED));
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

/** The most days the records of one evaluation may span to be sorted by counting (about 176 years). */
const MAX_SORTED_DAYS = 1 << 16;

interface Placement {
  readonly start: Int32Array;
  readonly placed: Int32Array;
}

/**
 * Each subject's records placed once, contiguously, by date, then eventId, then input order (what
 * `groupRecordsBySubject` in recordIndex.ts gives), from the columns alone: two stable counting
 * sorts of positions, by day and then by group; then records of one subject on one day are put in
 * eventId order.
 */
const group = (c: RecordColumns): Placement => {
  const groups = c.groups;
  const start = new Int32Array(groups + 1);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < c.length; i++) {
    const g = c.group[i]!;
    if (g < 0) continue;
    start[g + 1]!++;
    const day = c.day[i]!;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const m = start[groups]!;
  if (m === 0 || !c.wellFormed || last - first >= MAX_SORTED_DAYS) return groupBySort(c, start);
  const days = last - first + 1;
  const atDay = new Int32Array(days + 1);
  for (let i = 0; i < c.length; i++) if (c.group[i]! >= 0) atDay[c.day[i]! - first + 1]!++;
  for (let d = 0; d < days; d++) atDay[d + 1]! += atDay[d]!;
  const byDay = new Int32Array(m);
  for (let i = 0; i < c.length; i++) if (c.group[i]! >= 0) byDay[atDay[c.day[i]! - first]!++] = i;
  // By group, keeping each position's day beside it (the day of byDay[p] is the last d with atDay[d] > p).
  const next = start.slice(0, groups);
  const placed = new Int32Array(m);
  const dayOf = new Int32Array(m);
  let d = 0;
  for (let p = 0; p < m; p++) {
    while (atDay[d]! <= p) d++;
    const i = byDay[p]!;
    const k = next[c.group[i]!]!++;
    placed[k] = i;
    dayOf[k] = d;
  }
  // One subject's records of one day: by eventId, then input order (all of one run share their day).
  const ids = c.eventId;
  for (let g = 0; g < groups; g++) {
    const from = start[g]!;
    const to = start[g + 1]!;
    for (let k = from + 1; k < to; k++) {
      if (dayOf[k - 1] !== dayOf[k]) continue;
      const x = placed[k]!;
      const id = ids[x]!;
      let j = k - 1;
      while (j >= from && dayOf[j] === dayOf[k] && ids[placed[j]!]! > id) j--;
      if (j === k - 1) continue;
      placed.copyWithin(j + 2, j + 1, k);
      placed[j + 1] = x;
    }
  }
  return { start, placed };
};

/** `group` for dates the counting sort does not take: `sortEachGroup`. */
const groupBySort = (c: RecordColumns, start: Int32Array): Placement => {
  const groups = c.groups;
  const m = start[groups]!;
  const next = start.slice(0, groups);
  const placed = new Int32Array(m);
  const key = new Int32Array(m);
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
  sortEachGroup(start, groups, placed, key, (i) => c.rows[i * ROW + OCCURRED]!, before);
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
    mk: new Int32Array(MAX_PAIRWISE_CANDIDATES),
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
  const historyBySubject = historyBySubjectOf(input.history);
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
