import { type CatalogueRule, fineTierTenths, isDeductionRule, ruleByCode } from '../catalogue/catalogue.ts';
import { endOfYear, minDate, yearOf, type LegalDate } from '../dates.ts';
import { type Tenths, tenths, toPoints } from '../points.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { EvaluationOptions } from './options.ts';

/**
 * Where a record stands in the evaluation of year Y as of date D (RULES.md §6).
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
  /** Interpretations or articles that decided this record's state, for the result's notes. */
  readonly notes: readonly string[];
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

/** The state a record has on its own: period, revocation, warning, repair (Art 19, 22, 23; I6, I8). */
export const ownState = (
  record: CreditRecord,
  rule: CatalogueRule,
  period: EvaluationPeriod,
): { state: RecordState; notes: string[] } => {
  const { year, asOf, options } = period;
  const notes: string[] = [];
  if (record.occurredOn > asOf) return { state: 'outside-period', notes };
  if (record.revokedOn != null && record.revokedOn <= asOf) return { state: 'revoked', notes };

  const occurredYear = yearOf(record.occurredOn);
  if (occurredYear > year) return { state: 'outside-period', notes };
  if (occurredYear < year) {
    // I6 / Art 19: a deduction runs until its rectification is confirmed; an earlier year's deduction
    // still unrectified at the end of year Y (or at D, if earlier) counts again in year Y.
    // Bonuses count only in their own year; practitioner records only in their year (Art 13).
    const cutoff = minDate(endOfYear(year), asOf);
    const unrectified = record.rectifiedOn == null || record.rectifiedOn > cutoff;
    const carried = options.carryOverUnrectified && isDeductionRule(rule) && unrectified && rule.points.type !== 'none';
    if (!carried) return { state: 'outside-period', notes };
    notes.push(`I6: ${record.eventId} (${occurredYear}) unrectified at ${cutoff}; carried into ${year}`);
  }

  if (record.warning) {
    // Art 22: rectified within the warning's deadline and confirmed → never deducted.
    const rectified = record.rectifiedOn;
    if (rectified != null && rectified <= record.warning.deadline && rectified <= asOf) {
      notes.push(`Art 22: ${record.eventId} rectified within the credit warning; not deducted`);
      return { state: 'cancelled', notes };
    }
    if (asOf <= record.warning.deadline) return { state: 'pending', notes };
    // I8: the deadline passed unconfirmed: the record counts from its occurrence date; a later
    // rectification does not cancel it (it starts the Art 27 repair wait).
    notes.push(`I8: ${record.eventId} credit warning deadline ${record.warning.deadline} passed unrectified; counts from ${record.occurredOn}`);
  }

  if (record.repairedOn != null && record.repairedOn <= asOf) return { state: 'repaired', notes };
  return { state: 'counted', notes };
};

/**
 * Classifies one record. For Annex 2 "同委托单位" the agency's record takes the client's record's
 * points at evaluation time; a revoked or warning-cancelled client record takes the agency's record
 * with it; a repair of the client's record does not repair the agency's (I4).
 */
export const classifyRecord = (record: CreditRecord, period: EvaluationPeriod, clientOf: ClientLookup): ClassifiedRecord => {
  const rule = ruleByCode(record.rule);
  if (!rule) throw new RangeError(`unknown rule ${record.rule} (records are validated before evaluation)`);
  const own = ownState(record, rule, period);
  if (rule.points.type !== 'sameAsClient') {
    return { record, rule, points: cataloguePoints(rule, record), state: own.state, notes: own.notes };
  }
  const clientId = record.clientEventId ?? '';
  const client = clientOf(clientId);
  if (!client) {
    const notes = [...own.notes, `I4: client record ${clientId} of ${record.eventId} not known; not counted until it arrives`];
    return { record, rule, points: tenths(0), state: own.state === 'counted' ? 'pending' : own.state, notes };
  }
  const clientRule = ruleByCode(client.rule);
  const clientTenths = clientRule ? cataloguePoints(clientRule, client) : tenths(0);
  // Art 12: agencies are only deducted; a client bonus or a pointless record gives nothing.
  const points = tenths(Math.min(0, clientTenths as number));
  const notes = [...own.notes, `I4: ${record.eventId} takes the points of client record ${clientId} (${toPoints(points)})`];
  if (own.state !== 'counted' || !clientRule) return { record, rule, points, state: own.state, notes };

  // The client's record as of D, in its own year: revoked or cancelled → the agency's does not count.
  const clientState = ownState(client, clientRule, { ...period, year: yearOf(client.occurredOn) }).state;
  if (clientState === 'revoked') {
    notes.push(`I4: client record ${clientId} revoked; ${record.eventId} not counted`);
    return { record, rule, points, state: 'revoked', notes };
  }
  if (clientState === 'cancelled') {
    notes.push(`I4: client record ${clientId} cancelled by its credit warning; ${record.eventId} not counted`);
    return { record, rule, points, state: 'cancelled', notes };
  }
  if (clientState === 'pending') return { record, rule, points, state: 'pending', notes };
  return { record, rule, points, state: 'counted', notes };
};
