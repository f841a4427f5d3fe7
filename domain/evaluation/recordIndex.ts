import type { CreditRecord } from '../records/creditRecord.ts';
import type { ClientLookup } from './recordState.ts';

/**
 * Which records belong to which subject, and the client records that agencies refer to (I4).
 *
 * A subject's records are found by its id (a USCC or ID number names one subject); kinds are split
 * only where records of different kinds share an id. A client record is the first record, in input
 * order, with the eventId an agency's record names. Identical deliveries are dropped later, per
 * subject, once sorted (classifyAll in result.ts).
 */
export interface RecordIndex {
  /** A subject's records, in input order or, where `inEvaluationOrder`, by date, eventId, input order. */
  readonly recordsOf: (subject: { readonly kind: string; readonly id: string }) => readonly CreditRecord[];
  readonly clientOf: ClientLookup;
  /** Each subject's records come sorted as the evaluation reads them (classifyAll need not sort). */
  readonly inEvaluationOrder: boolean;
}

/**
 * The client records some agency's record names (I4), first delivery first; looked for only when an
 * agency's record asks for one.
 */
const clientLookup = (records: readonly CreditRecord[]): ClientLookup => {
  let clients: Map<string, CreditRecord> | undefined;
  return (eventId) => {
    clients ??= clientsOf(records);
    return clients.get(eventId);
  };
};

const clientsOf = (records: readonly CreditRecord[]): Map<string, CreditRecord> => {
  const clients = new Map<string, CreditRecord>();
  const referenced = new Set<string>();
  for (const r of records) if (r.clientEventId !== null) referenced.add(r.clientEventId);
  if (referenced.size === 0) return clients;
  for (const r of records) if (referenced.has(r.eventId) && !clients.has(r.eventId)) clients.set(r.eventId, r);
  return clients;
};

/**
 * The readable index: every record listed under its subject's id, in input order (classifyAll
 * sorts them). It is the reference the fast index below is proven equal to
 * (test/domain/evaluation/recordIndex.test.ts).
 */
export const indexRecordsBySubject = (records: readonly CreditRecord[]): RecordIndex => {
  const byId = new Map<string, CreditRecord[]>();
  const mixedKinds = new Set<string>();
  for (const r of records) {
    const id = r.subject.id;
    const list = byId.get(id);
    if (list === undefined) byId.set(id, [r]);
    else {
      if (list[0]!.subject.kind !== r.subject.kind) mixedKinds.add(id);
      list.push(r);
    }
  }
  return {
    recordsOf: (subject) => {
      const list = byId.get(subject.id);
      if (list === undefined) return [];
      return mixedKinds.has(subject.id) ? list.filter((r) => r.subject.kind === subject.kind) : list;
    },
    clientOf: clientLookup(records),
    inEvaluationOrder: false,
  };
};

const ZERO = 48;
const isDigit = (c: number): boolean => c >= ZERO && c <= ZERO + 9;

/**
 * A date's place in time as one number, ordered as the YYYY-MM-DD strings are (so sorting by it
 * sorts by date without comparing strings); -1 for anything that is not YYYY-MM-DD.
 */
const dateOrder = (d: string): number => {
  if (d.length !== 10) return -1;
  const y0 = d.charCodeAt(0);
  const y1 = d.charCodeAt(1);
  const y2 = d.charCodeAt(2);
  const y3 = d.charCodeAt(3);
  const m0 = d.charCodeAt(5);
  const m1 = d.charCodeAt(6);
  const d0 = d.charCodeAt(8);
  const d1 = d.charCodeAt(9);
  if (!(isDigit(y0) && isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(m0) && isDigit(m1) && isDigit(d0)))
    return -1;
  if (!isDigit(d1) || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return -1;
  const year = (y0 - ZERO) * 1000 + (y1 - ZERO) * 100 + (y2 - ZERO) * 10 + (y3 - ZERO);
  return (year * 100 + (m0 - ZERO) * 10 + (m1 - ZERO)) * 100 + (d0 - ZERO) * 10 + (d1 - ZERO);
};

/** Groups up to this size are sorted in place by insertion; larger ones by the engine's sort. */
const INSERTION_SORT_MAX = 48;

/**
 * Sorts each group `start[g]..start[g+1]` of `placed` (record indexes, with their sort keys beside them
 * in `key`) in place by `before(keyA, a, keyB, b)`; `keyOf(i)` is record i's key for the engine's sort
 * of a large group. Shared by the readable index and the columnar core (columnar/evaluateColumns.ts).
 */
export const sortEachGroup = (
  start: Int32Array,
  groups: number,
  placed: Int32Array,
  key: Int32Array | Float64Array,
  keyOf: (i: number) => number,
  before: (ka: number, a: number, kb: number, b: number) => number,
): void => {
  for (let g = 0; g < groups; g++) {
    const from = start[g]!;
    const to = start[g + 1]!;
    if (to - from < 2) continue;
    if (to - from <= INSERTION_SORT_MAX) {
      for (let k = from + 1; k < to; k++) {
        const x = placed[k]!;
        const kx = key[k]!;
        let j = k - 1;
        while (j >= from && before(key[j]!, placed[j]!, kx, x) > 0) {
          placed[j + 1] = placed[j]!;
          key[j + 1] = key[j]!;
          j--;
        }
        placed[j + 1] = x;
        key[j + 1] = kx;
      }
    } else
      placed.set(
        Array.from(placed.subarray(from, to)).sort((a, b) => before(keyOf(a), a, keyOf(b), b)),
        from,
      );
  }
};

/**
 * The fast index, for a million records: the same lists as `indexRecordsBySubject`, but each subject's
 * records are placed once, contiguously, already in the order the evaluation reads them (by date,
 * then eventId, then input order), so that neither a map of growing lists nor string comparisons of
 * scattered records are needed. Only the subjects evaluated are indexed; other records are skipped.
 */
export const groupRecordsBySubject = (
  subjects: readonly { readonly id: string }[],
  records: readonly CreditRecord[],
): RecordIndex => {
  const groupOfId = new Map<string, number>();
  for (const s of subjects) if (!groupOfId.has(s.id)) groupOfId.set(s.id, groupOfId.size);
  const groups = groupOfId.size;
  const n = records.length;

  // Pass 1: each record's group, each group's size, whether a group mixes kinds, each date's order.
  const groupOf = new Int32Array(n);
  const order = new Float64Array(n);
  const size = new Int32Array(groups + 1);
  const firstKind: (string | undefined)[] = new Array(groups);
  const mixed = new Uint8Array(groups);
  let datesAreOrdered = true;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const g = groupOfId.get(r.subject.id);
    if (g === undefined) {
      groupOf[i] = -1;
      continue;
    }
    groupOf[i] = g;
    size[g + 1]!++;
    const kind = r.subject.kind;
    const first = firstKind[g];
    if (first === undefined) firstKind[g] = kind;
    else if (first !== kind) mixed[g] = 1;
    const o = dateOrder(r.occurredOn);
    if (o < 0) datesAreOrdered = false;
    order[i] = o;
  }
  // Pass 2: counting sort by group (stable: input order within a group).
  const start = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) start[g + 1] = start[g]! + size[g + 1]!;
  const next = start.slice(0, groups);
  const placed = new Int32Array(start[groups]!);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g >= 0) placed[next[g]!++] = i;
  }
  // Pass 3: within each group, by date, then eventId, then input order (what a stable sort by date
  // and eventId gives). The dates' order is copied beside the placed records, so that sorting reads
  // neighbouring numbers and touches a record only where two dates are equal.
  const m = placed.length;
  const key = new Float64Array(m);
  for (let k = 0; k < m; k++) key[k] = order[placed[k]!]!;
  const tie = (a: number, b: number): number => {
    const ra = records[a]!;
    const rb = records[b]!;
    if (!datesAreOrdered && ra.occurredOn !== rb.occurredOn) return ra.occurredOn < rb.occurredOn ? -1 : 1;
    if (ra.eventId !== rb.eventId) return ra.eventId < rb.eventId ? -1 : 1;
    return a - b;
  };
  const before = (ka: number, a: number, kb: number, b: number): number =>
    datesAreOrdered && ka !== kb ? ka - kb : tie(a, b);
  sortEachGroup(start, groups, placed, key, (i) => order[i]!, before);

  return {
    recordsOf: (subject) => {
      const g = groupOfId.get(subject.id);
      if (g === undefined) return [];
      const from = start[g]!;
      const to = start[g + 1]!;
      const out: CreditRecord[] = [];
      if (mixed[g] === 1) {
        for (let k = from; k < to; k++) {
          const r = records[placed[k]!]!;
          if (r.subject.kind === subject.kind) out.push(r);
        }
      } else for (let k = from; k < to; k++) out.push(records[placed[k]!]!);
      return out;
    },
    clientOf: clientLookup(records),
    inEvaluationOrder: true,
  };
};
