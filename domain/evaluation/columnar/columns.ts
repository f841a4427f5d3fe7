import { CATALOGUE, type CatalogueRule } from '../../catalogue/catalogue.ts';
import type { CreditRecord } from '../../records/creditRecord.ts';
import type { Subject } from '../../subjects/subject.ts';
import { cataloguePoints } from '../recordState.ts';

/**
 * The records of an evaluation as columns: one typed array per field the rules read, index for
 * index with the input, written record by record while the input is read and validated (each record
 * is then still in cache), so that the evaluation (evaluateColumns.ts) visits neighbouring numbers
 * instead of a million scattered objects. Dates are kept as YYYYMMDD numbers, which order as the
 * YYYY-MM-DD strings do, so every date comparison of the rules is a comparison of numbers. The
 * record objects are kept beside the columns, for the explanation of a result (materialiseResult)
 * and for fields only rare rules read (a practitioner's department, I5).
 */
export interface RecordColumns {
  readonly length: number;
  readonly records: readonly CreditRecord[];
  /** The subject group (index of the first subject with the record's id), -1 for a subject not evaluated. */
  readonly group: Int32Array;
  /** 0 enterprise, 1 agency, 2 practitioner. */
  readonly kind: Uint8Array;
  /**
   * The fields the rules read, one row of ROW numbers per record (so that the first touch of a
   * record reads one cache line, not one per field): at OCCURRED, RECTIFIED, REPAIRED, REVOKED,
   * DEADLINE the dates as YYYYMMDD (-1 when absent; DEADLINE is the credit warning's); at POINTS the
   * rule's catalogue points in tenths (cataloguePoints; I7 fine tiers resolved); at PACKED the rule's
   * index in CATALOGUE (bits 0-14, `ruleIndexOf`), whether the record has a case number (bit 15) and
   * its site (bits 16-31, `siteOf`: its place among the registered sites of its group's enterprise,
   * Art 16(1); -1 without a siteId, the legal entity as a whole; -2 for a site not registered, I9,
   * I20); at HASH a hash of the eventId (`eventIdHash`), so most eventIds are told apart unread.
   */
  readonly rows: Int32Array;
  readonly caseNo: readonly (string | null)[];
  /**
   * Each record's date as a day count (`sortableDay`), and its eventId's hash (as at HASH), each in
   * an array of its own, for the passes that read only them (grouping by date, finding cited records).
   */
  readonly day: Int32Array;
  readonly idHash: Int32Array;
  readonly eventId: readonly string[];
  /** Records that cite a client's record (I4): their positions and the eventIds they cite. */
  readonly citing: readonly number[];
  /** Every date was YYYY-MM-DD and every rule known (always so for validated records). */
  readonly wellFormed: boolean;
  /** Subjects' groups: the first subject of each id; each group mixes kinds or not. */
  readonly groups: number;
  readonly groupOfId: ReadonlyMap<string, number>;
  readonly mixedKinds: Uint8Array;
  /** Each subject's group (input order of the subjects). */
  readonly groupOfSubject: Int32Array;
  /**
   * The registered sites of each group's first enterprise: the array itself (a subject with other
   * sites is evaluated by the readable functions), and each site's weight in output-share units
   * (Art 16(2), I9: millionths, or 1 each where a share is missing or all are 0), flattened from
   * `siteStart[g]` to `siteStart[g + 1]`; `siteTotal` their sum. `siteIdsRepeat` marks a repeated siteId.
   */
  readonly sitesOf: readonly (readonly { readonly siteId: string }[] | undefined)[];
  readonly siteStart: Int32Array;
  readonly siteUnits: Float64Array;
  readonly siteTotal: Float64Array;
  readonly siteIdsRepeat: Uint8Array;
}

/** What the columns read of a subject: its id, and an enterprise's registered sites (Art 16). */
export type SubjectOfColumns = Pick<Subject, 'id' | 'kind'> & {
  readonly sites?: readonly { readonly siteId: string; readonly outputShare?: number | null | undefined }[] | undefined;
};

/** Art 16(2) shares are weighed as exact millionths (siteWeighting.ts). */
const SHARE_SCALE = 1_000_000;

export const ROW = 8;
export const OCCURRED = 0;
export const RECTIFIED = 1;
export const REPAIRED = 2;
export const REVOKED = 3;
export const DEADLINE = 4;
export const POINTS = 5;
export const PACKED = 6;
export const HASH = 7;
const HAS_CASE = 0x8000;
export const ruleIndexOf = (packed: number): number => packed & 0x7fff;
export const hasCaseNo = (packed: number): boolean => (packed & HAS_CASE) !== 0;
export const siteOf = (packed: number): number => packed >> 16;

const KIND_CODE: Readonly<Record<string, number>> = { enterprise: 0, agency: 1, practitioner: 2 };
export const KIND_OF_CODE = ['enterprise', 'agency', 'practitioner'] as const;

const RULE_INDEX: ReadonlyMap<string, number> = new Map(CATALOGUE.map((r, i) => [r.code, i]));
export const ruleAt = (i: number): CatalogueRule => CATALOGUE[i]!;

const ZERO = 48;

/** YYYY-MM-DD as the number YYYYMMDD (same order); -1 for anything else. */
export const dayNumber = (d: string): number => {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const c = d.charCodeAt(k) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

/** FNV-1a over the UTF-16 units of an eventId: equal eventIds have equal hashes. */
export const eventIdHash = (id: string): number => {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h | 0;
};

/**
 * A YYYYMMDD number as a count of days: the same order, 372 a year (31 a month, gaps allowed), so
 * that dates sort by counting with few buckets.
 */
export const sortableDay = (ymd: number): number =>
  ((ymd / 10000) | 0) * 372 + ((((ymd / 100) | 0) % 100) - 1) * 31 + ((ymd % 100) - 1);

const optionalDay = (d: string | null): number => (d == null ? -1 : dayNumber(d));

/**
 * Builds the columns one record at a time (`add`), for the subjects evaluated (`subjects`, known
 * before the records, as in the input). Capacity grows by doubling.
 */
export class RecordColumnsBuilder {
  private n = 0;
  private cap: number;
  private readonly recs: CreditRecord[] = [];
  private readonly ids: string[] = [];
  private readonly caseNos: (string | null)[] = [];
  private readonly citing: number[] = [];
  private readonly siteSlots: (Map<string, number> | undefined)[] = [];
  private readonly sitesOf: SubjectOfColumns['sites'][] = [];
  private readonly siteStart: Int32Array;
  private readonly siteUnits: Float64Array;
  private readonly siteTotal: Float64Array;
  private readonly siteIdsRepeat: Uint8Array;
  private readonly groupOfSubject: Int32Array;
  private readonly groupOfId = new Map<string, number>();
  private readonly firstKind: number[] = [];
  private mixed: number[] = [];
  private wellFormed = true;
  private group: Int32Array;
  private kind: Uint8Array;
  private day: Int32Array;
  private idHash: Int32Array;
  private rows: Int32Array;

  constructor(subjects: readonly SubjectOfColumns[], capacity = 1024) {
    this.groupOfSubject = new Int32Array(subjects.length);
    subjects.forEach((s, i) => {
      let g = this.groupOfId.get(s.id);
      if (g === undefined) {
        g = this.groupOfId.size;
        this.groupOfId.set(s.id, g);
        this.firstKind.push(-1);
        this.mixed.push(0);
        this.siteSlots.push(undefined);
        this.sitesOf.push(undefined);
      }
      this.groupOfSubject[i] = g;
    });
    const groups = this.groupOfId.size;
    this.siteStart = new Int32Array(groups + 1);
    this.siteTotal = new Float64Array(groups);
    this.siteIdsRepeat = new Uint8Array(groups);
    // Each group's first enterprise gives the sites; sizes first, then the weights in place.
    for (const s of subjects) {
      const g = this.groupOfId.get(s.id)!;
      if (s.kind !== 'enterprise' || this.siteSlots[g] !== undefined) continue;
      const sites = s.sites ?? [];
      this.sitesOf[g] = s.sites;
      const slots = new Map<string, number>();
      sites.forEach((site, i) => {
        slots.set(site.siteId, i);
      });
      this.siteSlots[g] = slots;
      if (slots.size !== sites.length) this.siteIdsRepeat[g] = 1;
      this.siteStart[g + 1] = sites.length;
    }
    for (let g = 0; g < groups; g++) this.siteStart[g + 1]! += this.siteStart[g]!;
    this.siteUnits = new Float64Array(this.siteStart[groups]!);
    for (let g = 0; g < groups; g++) {
      const sites = this.sitesOf[g] as SubjectOfColumns['sites'];
      if (sites === undefined) continue;
      // Mirrors weightSites (siteWeighting.ts): Art 16(2) shares as exact millionths; I9 equal
      // weights when a share is missing or the shares sum to 0.
      let units = sites.map((site) => Math.round((site.outputShare ?? 0) * SHARE_SCALE));
      let total = units.reduce((x, y) => x + y, 0);
      if (sites.some((site) => site.outputShare == null) || total === 0) {
        units = sites.map(() => 1);
        total = sites.length;
      }
      this.siteTotal[g] = total;
      this.siteUnits.set(units, this.siteStart[g]!);
    }
    this.cap = Math.max(16, capacity);
    this.group = new Int32Array(this.cap);
    this.kind = new Uint8Array(this.cap);
    this.day = new Int32Array(this.cap);
    this.idHash = new Int32Array(this.cap);
    this.rows = new Int32Array(this.cap * ROW);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const grown = <T extends Int32Array | Int16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.group = grown(this.group, (n) => new Int32Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.day = grown(this.day, (n) => new Int32Array(n));
    this.idHash = grown(this.idHash, (n) => new Int32Array(n));
    const rows = new Int32Array(cap * ROW);
    rows.set(this.rows);
    this.rows = rows;
    this.cap = cap;
  }

  add(r: CreditRecord): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.recs.push(r);
    this.ids.push(r.eventId);
    const g = this.groupOfId.get(r.subject.id) ?? -1;
    const kind = KIND_CODE[r.subject.kind] ?? 0;
    this.group[i] = g;
    this.kind[i] = kind;
    if (g >= 0) {
      const first = this.firstKind[g]!;
      if (first === -1) this.firstKind[g] = kind;
      else if (first !== kind) this.mixed[g] = 1;
    }
    const at = i * ROW;
    const rows = this.rows;
    let ri = RULE_INDEX.get(r.rule);
    if (ri === undefined) {
      this.wellFormed = false;
      ri = 0;
    } else rows[at + POINTS] = cataloguePoints(CATALOGUE[ri]!, r);
    const occurred = dayNumber(r.occurredOn);
    const rectified = optionalDay(r.rectifiedOn);
    const repaired = optionalDay(r.repairedOn);
    const revoked = optionalDay(r.revokedOn);
    const deadline = r.warning ? dayNumber(r.warning.deadline) : -1;
    if (
      occurred < 0 ||
      (r.warning && deadline < 0) ||
      (r.rectifiedOn != null && rectified < 0) ||
      (r.repairedOn != null && repaired < 0) ||
      (r.revokedOn != null && revoked < 0)
    )
      this.wellFormed = false;
    rows[at + OCCURRED] = occurred;
    rows[at + RECTIFIED] = rectified;
    rows[at + REPAIRED] = repaired;
    rows[at + REVOKED] = revoked;
    rows[at + DEADLINE] = deadline;
    const siteId = r.subject.siteId;
    const site = siteId === null ? -1 : g < 0 ? -2 : (this.siteSlots[g]?.get(siteId) ?? -2);
    rows[at + PACKED] = ri | (r.caseNo === null ? 0 : HAS_CASE) | (site << 16);
    const idHash = eventIdHash(r.eventId);
    rows[at + HASH] = idHash;
    this.idHash[i] = idHash;
    this.day[i] = occurred < 0 ? -1 : sortableDay(occurred);
    this.caseNos.push(r.caseNo);
    if (r.clientEventId !== null) this.citing.push(i);
  }

  finish(): RecordColumns {
    const n = this.n;
    return {
      length: n,
      records: this.recs,
      group: this.group.subarray(0, n),
      kind: this.kind.subarray(0, n),
      rows: this.rows.subarray(0, n * ROW),
      caseNo: this.caseNos,
      day: this.day.subarray(0, n),
      idHash: this.idHash.subarray(0, n),
      eventId: this.ids,
      citing: this.citing,
      wellFormed: this.wellFormed,
      groups: this.groupOfId.size,
      groupOfId: this.groupOfId,
      mixedKinds: Uint8Array.from(this.mixed),
      groupOfSubject: this.groupOfSubject,
      sitesOf: this.sitesOf,
      siteStart: this.siteStart,
      siteUnits: this.siteUnits,
      siteTotal: this.siteTotal,
      siteIdsRepeat: this.siteIdsRepeat,
    };
  }
}

/** The columns of records already in memory (what the reader builds while it reads them). */
export const columnsOf = (subjects: readonly SubjectOfColumns[], records: readonly CreditRecord[]): RecordColumns => {
  const b = new RecordColumnsBuilder(subjects, records.length);
  for (const r of records) b.add(r);
  return b.finish();
};
