import { appliesToCategories, isDeductionRule, ruleByCode } from '../catalogue/catalogue.ts';
import type { LegalDate } from '../dates.ts';
import { INITIAL_SCORE, type Tenths, tenths, toPoints } from '../points.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { Agency, Enterprise, Practitioner } from '../subjects/subject.ts';
import { isBlacklisted, type PublishedGrade, wouldBeBlacklistedOnPublication } from './blacklist.ts';
import { type Grade, gradeOf } from './grade.ts';
import { type Measure, measuresForGrade, measuresForPractitioner } from './measures.ts';
import { isMergeable, mergeLosers, mergeMeasuresOfOneCase } from './mergeMeasures.ts';
import { DISHONEST_RECORD_THRESHOLD, STAFF_WITH_RECORDS_THRESHOLD } from './options.ts';
import { type ClassifiedRecord, type ClientLookup, classifyRecord, type EvaluationPeriod, Reason, type RecordState } from './recordState.ts';
import { earliestRepairDate, repairWait } from './repair.ts';
import { samplingMultiplierTenths } from './sampling.ts';
import { weightSites } from './siteWeighting.ts';

/** One line of the explanation: every record with its points, state and article (API.md §3). */
export interface ResultItem {
  readonly eventId: string;
  readonly rule: string;
  readonly points: number;
  readonly state: RecordState;
  readonly article: string;
  readonly occurredOn: LegalDate;
  readonly siteId?: string;
}

export interface PendingItem {
  readonly eventId: string;
  readonly rule: string;
  readonly points: number;
  /** `warning`: a credit warning still open (Art 22); `awaiting-client`: the client record is pending or unknown (I4). */
  readonly state: 'warning' | 'awaiting-client';
  readonly deadline?: LegalDate;
}

export interface RepairItem {
  readonly eventId: string;
  readonly earliestOn: LegalDate;
  readonly waitMonths: number;
  readonly article: 'Art 27';
  readonly impactEliminationRequired: boolean;
}

export interface SiteResult {
  readonly siteId: string;
  readonly outputShare: number | null;
  readonly weight: number;
  readonly score: number;
  readonly grade: Grade;
  readonly directD: boolean;
}

interface Common {
  readonly year: number;
  readonly asOf: LegalDate;
  readonly status: 'live';
  readonly items: ResultItem[];
  readonly pending: PendingItem[];
  readonly notes: string[];
  readonly repair: RepairItem[];
  readonly measures: Measure[];
  /** I15: under criminal investigation; no grade for the year. */
  readonly suspended?: { readonly reason: string };
}

export interface ScoredResult extends Common {
  readonly subject: { readonly kind: 'enterprise' | 'agency'; readonly id: string; readonly name: string; readonly league: string };
  readonly score: number;
  readonly grade: Grade | null;
  readonly directD: boolean;
  readonly blacklisted: boolean;
  readonly samplingMultiplier: number | null;
  readonly sites?: SiteResult[];
}

export interface PractitionerResult extends Common {
  readonly subject: { readonly kind: 'practitioner'; readonly id: string; readonly name?: string };
  /** Art 13: the only grade for practitioners; null when suspended (I15). */
  readonly dishonest: boolean | null;
  readonly records: number;
}

export type SubjectResult = ScoredResult | PractitionerResult;

export interface SubjectContext {
  readonly period: EvaluationPeriod;
  readonly clientOf: ClientLookup;
  readonly history: readonly PublishedGrade[];
}

// ---------------------------------------------------------------------------------------------

const byDateThenId = (a: ClassifiedRecord, b: ClassifiedRecord): number =>
  a.record.occurredOn < b.record.occurredOn ? -1 : a.record.occurredOn > b.record.occurredOn ? 1 : a.record.eventId < b.record.eventId ? -1 : a.record.eventId > b.record.eventId ? 1 : 0;

const byRecordDateThenId = (a: CreditRecord, b: CreditRecord): number =>
  a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

/**
 * Order deterministically (so results never depend on arrival order), drop identical deliveries
 * (duplicates change nothing; they sit side by side once sorted), classify, merge (I16).
 */
const classifyAll = (
  records: readonly CreditRecord[],
  ctx: SubjectContext,
  extraState?: (c: ClassifiedRecord) => ClassifiedRecord,
  merge = ctx.period.options.mergeMeasuresOfOneCase,
): ClassifiedRecord[] => {
  const sorted = [...records].sort(byRecordDateThenId);
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

const toItem = (c: ClassifiedRecord): ResultItem => {
  const siteId = c.record.subject.siteId;
  const item: { -readonly [K in keyof ResultItem]: ResultItem[K] } = {
    eventId: c.record.eventId,
    rule: c.rule.code,
    points: toPoints(c.points),
    state: c.state,
    article: c.rule.article,
    occurredOn: c.record.occurredOn,
  };
  if (siteId != null) item.siteId = siteId;
  return item;
};

const pendingOf = (classified: readonly ClassifiedRecord[], asOf: LegalDate): PendingItem[] =>
  classified
    .filter((c) => c.state === 'pending')
    .map((c) => {
      const base = { eventId: c.record.eventId, rule: c.rule.code, points: toPoints(c.points) };
      const warning = c.record.warning;
      return warning && asOf <= warning.deadline
        ? { ...base, state: 'warning' as const, deadline: warning.deadline }
        : { ...base, state: 'awaiting-client' as const };
    });

/** The notes of the records' reasons (one line per interpretation or per record where it names one). */
const reasonNotes = (classified: readonly ClassifiedRecord[], year: number): string[] => {
  const carried: string[] = [];
  const warningFailed: string[] = [];
  const warningRectified: string[] = [];
  const perRecord: string[] = [];
  for (const c of classified) {
    const id = c.record.eventId;
    const r = c.reasons;
    if (r !== 0) {
      if (r & Reason.CARRIED_OVER) carried.push(id);
      if (r & Reason.WARNING_FAILED) warningFailed.push(id);
      if (r & Reason.WARNING_RECTIFIED) warningRectified.push(id);
      const client = c.record.clientEventId;
      if (r & Reason.CLIENT_UNKNOWN) perRecord.push(`I4: client record ${client} of ${id} not known; not counted until it arrives`);
      if (r & Reason.CLIENT_POINTS) perRecord.push(`I4: ${id} takes the points of client record ${client} (${toPoints(c.points)})`);
      if (r & Reason.CLIENT_REVOKED) perRecord.push(`I4: client record ${client} revoked; ${id} not counted`);
      if (r & Reason.CLIENT_CANCELLED) perRecord.push(`I4: client record ${client} cancelled by its credit warning; ${id} not counted`);
    }
    if (c.mergedInto !== undefined) perRecord.push(`I16: ${id} merged into ${c.mergedInto} (case ${c.record.caseNo})`);
    if (c.state === 'not-applicable') perRecord.push(`Annex 2: ${id} ${c.rule.code} does not apply to the agency's categories`);
  }
  const out: string[] = [];
  if (carried.length > 0) out.push(`I6: unrectified deductions of earlier years carried into ${year}: ${carried.join(', ')}`);
  if (warningFailed.length > 0) out.push(`I8: credit warning deadline passed unrectified; counted from occurrence: ${warningFailed.join(', ')}`);
  if (warningRectified.length > 0) out.push(`Art 22: rectified within the credit warning; not deducted: ${warningRectified.join(', ')}`);
  return [...out, ...perRecord];
};

/** Art 27 (I3): the earliest repair date of each rectified deduction that counts. */
const repairsOf = (classified: readonly ClassifiedRecord[], asOf: LegalDate, notes: string[]): RepairItem[] => {
  const out: RepairItem[] = [];
  for (const c of classified) {
    if (c.state !== 'counted' || !isDeductionRule(c.rule)) continue;
    const rectifiedOn = c.record.rectifiedOn;
    if (rectifiedOn == null || rectifiedOn > asOf) continue;
    const wait = repairWait(c.points, c.rule.directD);
    if (wait.byInterpretation)
      notes.push(`I3: ${c.record.eventId} (${Math.abs(toPoints(c.points))} points${c.rule.directD ? ', direct D' : ''}) waits ${wait.months} months before repair`);
    out.push({
      eventId: c.record.eventId,
      earliestOn: earliestRepairDate(rectifiedOn, c.points, c.rule.directD),
      waitMonths: wait.months,
      article: 'Art 27',
      impactEliminationRequired: wait.impactEliminationRequired,
    });
  }
  return out;
};

const sumCounted = (classified: readonly ClassifiedRecord[]): Tenths => {
  let sum = INITIAL_SCORE as number;
  for (const c of classified) if (c.state === 'counted') sum += c.points as number;
  return tenths(sum);
};

const hasCountedDirectD = (classified: readonly ClassifiedRecord[]): boolean => {
  for (const c of classified) if (c.state === 'counted' && c.rule.directD) return true;
  return false;
};

/** Notes for the outcome as a whole: Art 14 direct D, I1, I2 (no cap or floor). */
const outcomeNotes = (classified: readonly ClassifiedRecord[], score: Tenths): string[] => {
  const notes: string[] = [];
  for (const c of classified) {
    if (c.state !== 'counted' || !c.rule.directD) continue;
    if (c.rule.code === 'SR_PERMIT_FRAUD') notes.push(`I1: ${c.record.eventId} SR_PERMIT_FRAUD read as −10 and direct D (Annex 1 prints 10)`);
    notes.push(`${c.rule.article}: ${c.record.eventId} is a direct-D case; grade D whatever the score`);
  }
  if ((score as number) > (INITIAL_SCORE as number)) notes.push('I2: score above 100 is not capped');
  if ((score as number) < 0) notes.push('I2: score below 0 is not floored');
  return notes;
};

interface Graded {
  readonly grade: Grade | null;
  readonly blacklisted: boolean;
  readonly samplingMultiplier: number | null;
  readonly measures: Measure[];
  readonly notes: string[];
  readonly suspended?: { readonly reason: string };
}

/** Grade, blacklist (Art 19, I10), sampling (Art 28), measures (Art 29-32), suspension (I15). */
const gradeScored = (
  subject: Enterprise | Agency,
  score: Tenths,
  directD: boolean,
  ctx: SubjectContext,
): Graded => {
  const { year, asOf } = ctx.period;
  const blacklisted = isBlacklisted(ctx.history, year, asOf);
  const notes: string[] = [];
  if (subject.suspended) {
    notes.push(`I15: suspended (${subject.suspended.reason}); no grade for ${year} and absent from publicity`);
    return { grade: null, blacklisted, samplingMultiplier: null, measures: [], notes, suspended: { reason: subject.suspended.reason } };
  }
  const grade = gradeOf(score, directD);
  if (grade === 'D' && !blacklisted && wouldBeBlacklistedOnPublication(ctx.history, year, asOf))
    notes.push(`Art 19, I10: a published D for ${year} would be the third consecutive D (blacklist on publication)`);
  if (blacklisted) notes.push('Art 19, I10: three consecutive published D grades; blacklisted');
  const reportedLate = subject.reportedLate === true;
  if (reportedLate && (grade === 'A' || grade === 'B')) notes.push('Art 32: did not file on time or truthfully; no incentives');
  return {
    grade,
    blacklisted,
    samplingMultiplier: samplingMultiplierTenths(grade, blacklisted) / 10,
    measures: measuresForGrade(subject.kind, grade, blacklisted, reportedLate),
    notes,
  };
};

// ---------------------------------------------------------------------------------------------

/**
 * An enterprise: each site (one per discharge permit) is scored from 100 (Art 11, 16(1)); the legal
 * entity's score is the output-share-weighted score of its sites (Art 16(2), I9).
 * Records without a siteId concern the legal entity as a whole and count at every site, which adds
 * their points once to the weighted score. A site that appears only in records has no share (I9).
 */
export const evaluateEnterprise = (subject: Enterprise, records: readonly CreditRecord[], ctx: SubjectContext): ScoredResult => {
  const registered = subject.sites ?? [];
  const known = new Set(registered.map((s) => s.siteId));
  const implicit = [...new Set(records.map((r) => r.subject.siteId).filter((s): s is string => s !== null && !known.has(s)))].sort();
  const sites = [...registered.map((s) => ({ siteId: s.siteId, outputShare: s.outputShare ?? null })), ...implicit.map((siteId) => ({ siteId, outputShare: null }))];
  // Without sites the entity is one scope and I16 merges there; with sites, per site (below).
  let classified = classifyAll(records, ctx, undefined, sites.length === 0 && ctx.period.options.mergeMeasuresOfOneCase);
  const directD = hasCountedDirectD(classified);
  if (sites.length === 0) return scoredResult(subject, classified, sumCounted(classified), directD, ctx, []);

  const extraNotes: string[] = [];
  if (sites.length > 1)
    for (const c of classified) if (c.state === 'counted' && c.record.subject.siteId === null) extraNotes.push(`Art 16(2): ${c.record.eventId} has no siteId; it counts at every site`);

  // I16 per site: each site's own measures plus the entity-level ones form one scope.
  const index = new Map(sites.map((s, i) => [s.siteId, i]));
  const merging = ctx.period.options.mergeMeasuresOfOneCase && classified.some(isMergeable);
  const losers = sites.map((site) =>
    merging ? mergeLosers(classified.filter((c) => c.record.subject.siteId === site.siteId || c.record.subject.siteId === null)) : new Map<string, string>(),
  );
  const sums = sites.map(() => INITIAL_SCORE as number);
  const siteDirectD = sites.map(() => false);
  for (const c of classified) {
    if (c.state !== 'counted') continue;
    const siteId = c.record.subject.siteId;
    const at = siteId === null ? sites.map((_, i) => i) : [index.get(siteId)!];
    for (const i of at) {
      if (losers[i]!.has(c.record.eventId)) continue;
      sums[i]! += c.points as number;
      siteDirectD[i] ||= c.rule.directD;
    }
  }
  if (merging) {
    classified = classified.map((c) => {
      const siteId = c.record.subject.siteId;
      const at = siteId === null ? sites.map((_, i) => i) : [index.get(siteId)!];
      const lostAt = at.filter((i) => losers[i]!.has(c.record.eventId));
      if (lostAt.length === 0) return c;
      const winner = losers[lostAt[0]!]!.get(c.record.eventId)!;
      if (lostAt.length === at.length) return { ...c, state: 'merged' as const, mergedInto: winner };
      for (const i of lostAt) extraNotes.push(`I16: ${c.record.eventId} merged into ${losers[i]!.get(c.record.eventId)} at site ${sites[i]!.siteId} (case ${c.record.caseNo})`);
      return c;
    });
  }

  const perSite = sites.map((site, i) => ({ ...site, score: tenths(sums[i]!), directD: siteDirectD[i]! }));
  const weighting = weightSites(perSite);
  extraNotes.push(...weighting.notes);
  if (directD && perSite.length > 1 && perSite.some((s) => !s.directD)) extraNotes.push('I9: a direct-D record at one site makes the legal entity direct D');
  const siteResults: SiteResult[] = perSite.map((s, i) => ({
    siteId: s.siteId,
    outputShare: s.outputShare,
    weight: weighting.weights[i]!,
    score: toPoints(s.score),
    grade: gradeOf(s.score, s.directD),
    directD: s.directD,
  }));
  return scoredResult(subject, classified, weighting.score, directD, ctx, extraNotes, siteResults);
};

/**
 * Derived Annex 2 record: 3 or more staff with counted records in the year → −20, dated the day the
 * third staff member's first counted record occurred.
 */
export interface StaffRecordSummary {
  readonly practitionerId: string;
  readonly firstCountedOn: LegalDate;
}

export const staffRecordsEventId = (agencyId: string, year: number): string => `derived:AG_STAFF_RECORDS:${agencyId}:${year}`;

const derivedStaffRecord = (agency: Agency, staff: readonly StaffRecordSummary[], year: number): ClassifiedRecord | null => {
  if (staff.length < STAFF_WITH_RECORDS_THRESHOLD) return null;
  const rule = ruleByCode('AG_STAFF_RECORDS')!;
  const dates = staff.map((s) => s.firstCountedOn).sort();
  const record: CreditRecord = {
    eventId: staffRecordsEventId(agency.id, year),
    subject: { kind: 'agency', id: agency.id, siteId: null },
    rule: rule.code,
    occurredOn: dates[STAFF_WITH_RECORDS_THRESHOLD - 1]!,
    department: '150000-EED',
    league: agency.league,
    fineYuan: null,
    clientEventId: null,
    legalBasis: null,
    caseNo: null,
    summary: null,
    warning: null,
    rectifiedOn: null,
    repairedOn: null,
    revokedOn: null,
  };
  return {
    record,
    rule,
    points: rule.points.type === 'fixed' ? rule.points.tenths : tenths(0),
    state: 'counted',
    reasons: 0,
  };
};

/** An agency: deductions only from 100 (Art 12), all leagues together (Art 17(5)). */
export const evaluateAgency = (
  subject: Agency,
  records: readonly CreditRecord[],
  staff: readonly StaffRecordSummary[],
  ctx: SubjectContext,
): ScoredResult => {
  const notApplicable = (c: ClassifiedRecord): ClassifiedRecord =>
    c.rule.agencyCategories === undefined || appliesToCategories(c.rule, subject.categories) ? c : { ...c, state: 'not-applicable' };
  const classified = classifyAll(records, ctx, notApplicable);
  const notes: string[] = [];
  const derived = derivedStaffRecord(subject, staff, ctx.period.year);
  if (derived) {
    classified.push(derived);
    classified.sort(byDateThenId);
    notes.push(`Annex 2: ${staff.length} staff with records in ${ctx.period.year} (${staff.map((s) => s.practitionerId).sort().join(', ')}); −20 derived`);
  }
  return scoredResult(subject, classified, sumCounted(classified), hasCountedDirectD(classified), ctx, notes);
};

const scoredResult = (
  subject: Enterprise | Agency,
  classified: ClassifiedRecord[],
  score: Tenths,
  directD: boolean,
  ctx: SubjectContext,
  extraNotes: string[],
  sites?: SiteResult[],
): ScoredResult => {
  const { year, asOf } = ctx.period;
  const graded = gradeScored(subject, score, directD, ctx);
  const repairNotes: string[] = [];
  const repair = repairsOf(classified, asOf, repairNotes);
  return {
    subject: { kind: subject.kind, id: subject.id, name: subject.name, league: subject.league },
    year,
    asOf,
    status: 'live',
    score: toPoints(score),
    grade: graded.grade,
    directD,
    blacklisted: graded.blacklisted,
    samplingMultiplier: graded.samplingMultiplier,
    ...(sites ? { sites } : {}),
    items: classified.map(toItem),
    pending: pendingOf(classified, asOf),
    notes: [...reasonNotes(classified, year), ...extraNotes, ...outcomeNotes(classified, score), ...graded.notes, ...repairNotes],
    repair,
    measures: graded.measures,
    ...(graded.suspended ? { suspended: graded.suspended } : {}),
  };
};

/**
 * A practitioner: records counted in the evaluation year across every department and league
 * (Art 13, 18(3)); 2 or more → environmental-dishonest individual (I5; option
 * requireDistinctDepartments demands two departments).
 */
export const evaluatePractitioner = (
  subject: Practitioner,
  records: readonly CreditRecord[],
  ctx: SubjectContext,
): PractitionerResult & { readonly firstCountedOn: LegalDate | null } => {
  const { year, asOf, options } = ctx.period;
  const classified = classifyAll(records, ctx);
  const counted = classified.filter((c) => c.state === 'counted');
  const departments = new Set(counted.map((c) => c.record.department));
  const byCount = counted.length >= DISHONEST_RECORD_THRESHOLD;
  const byDepartments = departments.size >= DISHONEST_RECORD_THRESHOLD;
  const notes: string[] = [];
  const dishonest = options.requireDistinctDepartments ? byDepartments : byCount;
  if (byCount && !byDepartments)
    notes.push(
      options.requireDistinctDepartments
        ? `I5: ${counted.length} records from one department; two departments required, not dishonest`
        : `I5: ${counted.length} records from one department count together; dishonest`,
    );
  let suspended: { reason: string } | undefined;
  if (subject.suspended) {
    suspended = { reason: subject.suspended.reason };
    notes.push(`I15: suspended (${subject.suspended.reason}); no grade for ${year}`);
  }
  const verdict = suspended ? null : dishonest;
  return {
    subject: { kind: 'practitioner', id: subject.id, ...(subject.name ? { name: subject.name } : {}) },
    year,
    asOf,
    status: 'live',
    dishonest: verdict,
    records: counted.length,
    items: classified.map(toItem),
    pending: pendingOf(classified, asOf),
    notes: [...reasonNotes(classified, year), ...notes],
    repair: [],
    measures: measuresForPractitioner(verdict === true),
    ...(suspended ? { suspended } : {}),
    firstCountedOn: counted[0]?.record.occurredOn ?? null,
  };
};

