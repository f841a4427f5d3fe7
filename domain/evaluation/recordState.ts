import { type CatalogueRule, fineTierTenths, isDeductionRule, ruleByCode } from '../catalogue/catalogue.ts';
import { endOfYear, type LegalDate, minDate, yearOf } from '../dates.ts';
import { type Tenths, tenths } from '../points.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import { warningState } from './creditWarning.ts';
import type { EvaluationOptions } from './options.ts';

/**
 * Where a record stands in the evaluation of year Y as of date D (docs/rules.md §6).
 * - counted: adds its points.
 * - pending: a credit warning whose deadline has not passed (Art 22), or an agency record whose
 *   client record is itself pending or unknown (I4): shown, not counted.
 * - cancelled: rectified within the warning's deadline (Art 22), or the client's record was (I4).
 * - merged: another measure of the same penalty decision counts instead (I16).
 * - revoked: revoked on or before D (or the client's record was, I4).
 * - repaired: credit repair on or before D (Art 23, 27).
 * - outside-period: not in year Y and not carried over (Art 19, I6), or not yet occurred at D.
 * - not-applicable: a category rule the agency does not have (Annex 2 机构分类指标).
 */
export type RecordState =
  | 'counted'
  | 'pending'
  | 'cancelled'
  | 'merged'
  | 'revoked'
  | 'repaired'
  | 'outside-period'
  | 'not-applicable';

/**
 * Why a record has its state, when an article or interpretation decided it. A bit set, so that the
 * hot path allocates no strings; the subject's notes are written from it once (result.ts).
 */
export const Reason = {
  /** I6: an earlier year's deduction still unrectified, carried into the year. */
  CARRIED_OVER: 1,
  /** I8: the credit warning's deadline passed unrectified; counts from occurrence. */
  WARNING_FAILED: 2,
  /** Art 22: rectified within the credit warning's deadline; never deducted. */
  WARNING_RECTIFIED: 4,
  /** I4: takes the points of the client's record. */
  CLIENT_POINTS: 8,
  /** I4: the client's record is not known yet. */
  CLIENT_UNKNOWN: 16,
  /** I4: the client's record was revoked. */
  CLIENT_REVOKED: 32,
  /** I4: the client's record was cancelled by its credit warning. */
  CLIENT_CANCELLED: 64,
} as const;

export interface EvaluationPeriod {
  readonly year: number;
  readonly asOf: LegalDate;
  readonly options: EvaluationOptions;
}

export interface ClassifiedRecord {
  readonly record: CreditRecord;
  readonly rule: CatalogueRule;
  readonly points: Tenths;
  readonly state: RecordState;
  /** Bits of `Reason`. */
  readonly reasons: number;
  /** I16: the eventId of the measure that counts instead of this one. */
  readonly mergedInto?: string;
}

export type ClientLookup = (eventId: string) => CreditRecord | undefined;

/** A rule's catalogue points for one record; the client's points are resolved separately (I4). */
export const cataloguePoints = (rule: CatalogueRule, record: CreditRecord): Tenths => {
  switch (rule.points.type) {
    case 'fixed':
      return rule.points.tenths;
    case 'fineTiered':
      // I7: tiers by amount; the schema guarantees the amount is present.
      return fineTierTenths(record.fineYuan ?? 0);
    case 'sameAsClient':
    case 'none':
      return tenths(0);
  }
};

/** I4, Art 12: an agency's "同委托单位" record takes its client record's points, deductions only. */
const clientPoints = (client: CreditRecord | undefined, clientRule: CatalogueRule | undefined): Tenths =>
  // Art 12: agencies are only deducted; a client bonus or a pointless record gives nothing.
  tenths(Math.min(0, client && clientRule ? (cataloguePoints(clientRule, client) as number) : 0));

/**
 * The points a record carries: its catalogue points, or for an agency's "同委托单位" record its
 * client record's points (I4), zero while the client record is unknown. The one rule for I4 points,
 * used by the evaluation and by anything that shows a record's points (such as a repair application).
 */
export const recordPoints = (rule: CatalogueRule, record: CreditRecord, clientOf: ClientLookup): Tenths => {
  if (rule.points.type !== 'sameAsClient') return cataloguePoints(rule, record);
  const client = record.clientEventId == null ? undefined : clientOf(record.clientEventId);
  return clientPoints(client, client ? ruleByCode(client.rule) : undefined);
};

/**
 * Every record state, in the order of their indexes: state and reasons are packed in one number
 * (state index × 1024 + reasons) so nothing is allocated; the columnar core keeps the same indexes.
 */
export const STATES: readonly RecordState[] = [
  'counted',
  'pending',
  'cancelled',
  'merged',
  'revoked',
  'repaired',
  'outside-period',
  'not-applicable',
];
/** Each state's index in STATES, by name. */
export const StateIndex = {
  COUNTED: 0,
  PENDING: 1,
  CANCELLED: 2,
  MERGED: 3,
  REVOKED: 4,
  REPAIRED: 5,
  OUTSIDE: 6,
  NOT_APPLICABLE: 7,
} as const;
const pack = (state: number, reasons: number): number => state * 1024 + reasons;
const { COUNTED, PENDING, CANCELLED, REVOKED, REPAIRED, OUTSIDE } = StateIndex;

/** The state a record has on its own: period, revocation, warning, repair (Art 19, 22, 23; I6, I8). */
const ownStatePacked = (record: CreditRecord, rule: CatalogueRule, period: EvaluationPeriod): number => {
  const { year, asOf, options } = period;
  if (record.occurredOn > asOf) return pack(OUTSIDE, 0);
  if (record.revokedOn != null && record.revokedOn <= asOf) return pack(REVOKED, 0);

  let reasons = 0;
  const occurredYear = yearOf(record.occurredOn);
  if (occurredYear > year) return pack(OUTSIDE, 0);
  if (occurredYear < year) {
    // I6 / Art 19: a deduction runs until its rectification is confirmed; an earlier year's deduction
    // still unrectified at the end of year Y (or at D, if earlier) counts again in year Y.
    // Bonuses count only in their own year; practitioner records only in their year (Art 13).
    if (!options.carryOverUnrectified || !isDeductionRule(rule) || rule.points.type === 'none') return pack(OUTSIDE, 0);
    const cutoff = minDate(endOfYear(year), asOf);
    if (record.rectifiedOn != null && record.rectifiedOn <= cutoff) return pack(OUTSIDE, 0);
    reasons |= Reason.CARRIED_OVER;
  }

  const warning = record.warning;
  if (warning) {
    const w = warningState(warning, record.rectifiedOn, asOf);
    // Art 22: rectified within the warning's deadline and confirmed → never deducted.
    if (w === 'rectified') return pack(CANCELLED, reasons | Reason.WARNING_RECTIFIED);
    if (w === 'open') return pack(PENDING, reasons);
    // I8: the deadline passed unconfirmed: the record counts from its occurrence date; a later
    // rectification does not cancel it (it starts the Art 27 repair wait).
    reasons |= Reason.WARNING_FAILED;
  }

  if (record.repairedOn != null && record.repairedOn <= asOf) return pack(REPAIRED, reasons);
  return pack(COUNTED, reasons);
};

/**
 * Classifies one record. For Annex 2 "同委托单位" the agency's record takes the client's record's
 * points at evaluation time; a revoked or warning-cancelled client record takes the agency's record
 * with it; a repair of the client's record does not repair the agency's (I4).
 */
export const classifyRecord = (
  record: CreditRecord,
  period: EvaluationPeriod,
  clientOf: ClientLookup,
): ClassifiedRecord => {
  const rule = ruleByCode(record.rule);
  if (!rule) throw new RangeError(`unknown rule ${record.rule} (records are validated before evaluation)`);
  const packed = ownStatePacked(record, rule, period);
  const state = STATES[packed >> 10]!;
  const reasons = packed & 1023;
  if (rule.points.type !== 'sameAsClient')
    return { record, rule, points: cataloguePoints(rule, record), state, reasons };

  const client = clientOf(record.clientEventId ?? '');
  if (!client)
    return {
      record,
      rule,
      points: tenths(0),
      state: state === 'counted' ? 'pending' : state,
      reasons: reasons | Reason.CLIENT_UNKNOWN,
    };
  const clientRule = ruleByCode(client.rule);
  const points = clientPoints(client, clientRule);
  const withClient = reasons | Reason.CLIENT_POINTS;
  if (state !== 'counted' || !clientRule) return { record, rule, points, state, reasons: withClient };

  // The client's record as of D, in its own year: revoked or cancelled → the agency's does not count.
  const clientState = STATES[ownStatePacked(client, clientRule, { ...period, year: yearOf(client.occurredOn) }) >> 10];
  if (clientState === 'revoked')
    return { record, rule, points, state: 'revoked', reasons: withClient | Reason.CLIENT_REVOKED };
  if (clientState === 'cancelled')
    return { record, rule, points, state: 'cancelled', reasons: withClient | Reason.CLIENT_CANCELLED };
  if (clientState === 'pending') return { record, rule, points, state: 'pending', reasons: withClient };
  return { record, rule, points, state: 'counted', reasons: withClient };
};
