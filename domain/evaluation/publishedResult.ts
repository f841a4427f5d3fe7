import { type LegalDate, yearOf } from '../dates.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { RecordState } from './recordState.ts';
import type { PendingItem, SubjectResult } from './result.ts';

/**
 * What a published result of evaluation year Y shows (Art 19: "评价结果反映…上年1月1日至12月31日期间的
 * 环保信用状况"; I6).
 *
 * Why: the result of year Y is published during Y+1, so it is evaluated as of a date after Y ended,
 * and the evaluation classifies every record of the subject — a record of Y+1 shows as
 * `outside-period`. Such records belong to later years' results. Year Y's result shows the records of
 * Y, whatever their state, and the earlier deductions carried into Y while unrectified (I6,
 * `carriedOver`). An earlier record that did not carry over is not part of year Y either.
 */
interface ListedItem {
  readonly occurredOn: LegalDate;
  readonly state: RecordState;
  /** Set by the evaluation on items carried into the year (I6). */
  readonly carriedOver?: true;
}

/** Earlier-year states that only a carried-over record can have (results stored before `carriedOver` existed). */
const NOT_CARRIED: ReadonlySet<RecordState> = new Set(['outside-period', 'revoked', 'not-applicable']);

export const isShownInPublishedResult = (year: number, item: ListedItem): boolean => {
  const occurred = yearOf(item.occurredOn);
  if (occurred === year || item.carriedOver === true) return true;
  return occurred < year && !NOT_CARRIED.has(item.state);
};

/** The items a published result of `year` shows, in their order (explanation or pending items alike). */
export const publishedItems = <T extends ListedItem>(year: number, items: readonly T[]): T[] =>
  items.filter((i) => isShownInPublishedResult(year, i));

/**
 * The result of year Y as a published result shows it: the same result with only the items of Y
 * (and carried-over ones), and only their pending credit warnings. Score, grade, notes and measures
 * are the result's own: records outside the year never changed them. The status is the caller's.
 */
export const publishedResult = <R extends SubjectResult>(result: R): R => {
  const items = publishedItems(result.year, result.items);
  const shown = new Set(items.map((i) => i.eventId));
  const pending: PendingItem[] = result.pending.filter((p) => shown.has(p.eventId));
  return { ...result, items, pending };
};

/** A record with the day it reached the system (the legal date of its receipt). */
export interface ReceivedRecord {
  readonly record: CreditRecord;
  readonly receivedOn: LegalDate;
}

/**
 * The records a re-issue of a published result evaluates, as of that result's publication date
 * (Art 23 ¶2: "信用修复后…重新公开"; Art 16–17).
 *
 * Why: only the repair may change a published result. A record that reached the system after the
 * publication was never publicised with it: it becomes public through its own result's publicity and
 * objection (Art 16(3)–(4), 17), never through a repair's re-issue. So the re-issue sees the records
 * received on or before the publication date, evaluated on that date, and among them exactly the
 * repairs given: those the result already showed and the decision's. A repair dated after the
 * publication counts as if in force on it (`evaluated`); the records keep its real date (`shown`),
 * which the published result displays.
 */
export const recordsOfReissue = (
  received: readonly ReceivedRecord[],
  publishedOn: LegalDate,
  repairs: ReadonlyMap<string, LegalDate>,
): { readonly evaluated: CreditRecord[]; readonly shown: CreditRecord[] } => {
  const publicised = received.filter((r) => r.receivedOn <= publishedOn).map((r) => r.record);
  return {
    evaluated: publicised.map((r) => {
      const on = repairs.get(r.eventId);
      return { ...r, repairedOn: on === undefined ? null : on <= publishedOn ? on : publishedOn };
    }),
    shown: publicised.map((r) => ({ ...r, repairedOn: repairs.get(r.eventId) ?? null })),
  };
};
