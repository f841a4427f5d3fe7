import { endOfLegalDayInstant, type LegalDate, yearOf } from '../../domain/dates.ts';
import {
  evaluateAgency,
  evaluateEnterprise,
  evaluatePractitioner,
  type StaffRecordSummary,
  type SubjectContext,
  type SubjectResult,
} from '../../domain/evaluation/evaluateSubject.ts';
import { DEFAULT_OPTIONS, type EvaluationOptions } from '../../domain/evaluation/options.ts';
import { stableThrough } from '../../domain/evaluation/stability.ts';
import { reportedLateOf, statusOfFiling } from '../../domain/filing/filing.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { Agency, Enterprise, Subject } from '../../domain/subjects/subject.ts';
import type { StoredProfile, SubjectPartition, SubjectRecordStore, SubjectRef } from '../ports/store.ts';

/**
 * Re-evaluates one stored subject with the domain (the domain decides every score; this only
 * gathers what it needs): the subject's own records, its clients' records (I4), its staff
 * (Annex 2) and its published grades (Art 19 blacklist).
 */

/** Years kept live: the year being evaluated in the current cycle, and the running year. */
export const liveYears = (today: LegalDate): number[] => [yearOf(today) - 1, yearOf(today)];

/** A subject nobody registered yet: kept with what its records say, until a bureau completes it. */
export const unregisteredSubject = (ref: SubjectRef, records: readonly CreditRecord[]): Subject => {
  const league = records.find((r) => r.league !== '150000')?.league ?? records[0]?.league ?? '150000';
  switch (ref.kind) {
    case 'enterprise':
      return { kind: 'enterprise', id: ref.id, name: '（未登记）', league, sites: [] };
    case 'agency':
      // No categories known: Annex 2 category rules show as not applicable until registration.
      return { kind: 'agency', id: ref.id, name: '（未登记）', league, categories: [] as unknown as ['monitoring'] };
    case 'practitioner':
      return { kind: 'practitioner', id: ref.id, league };
  }
};

export const unregisteredProfile = (ref: SubjectRef, records: readonly CreditRecord[], at: string): StoredProfile => ({
  subject: unregisteredSubject(ref, records),
  registration: 'unregistered',
  version: 1,
  updatedAt: at,
});

export interface Evaluated {
  readonly subject: Subject;
  readonly results: ReadonlyMap<number, SubjectResult & { firstCountedOn?: LegalDate | null }>;
  /** Through which date these results hold (but for their as-of date). */
  readonly stableThrough: LegalDate;
}

/**
 * Art 20, 32: the subject as evaluated for `year`, reported late when its filing of that year was
 * late or missing at the end of `asOf` (docs/filing.md). A profile's `reportedLate: true` set by a
 * bureau still counts whatever the filing says (an override for what the filings cannot show, such
 * as an untruthful filing).
 */
const withFiling = <S extends Enterprise | Agency>(
  subject: S,
  partition: SubjectPartition,
  year: number,
  asOf: LegalDate,
): S => {
  if (subject.reportedLate === true) return subject;
  const filing = partition.filings?.find((f) => f.year === year);
  if (!filing || !reportedLateOf(statusOfFiling(filing, endOfLegalDayInstant(asOf)))) return subject;
  return { ...subject, reportedLate: true };
};

export const evaluateStored = async (
  store: Pick<SubjectRecordStore, 'loadRecords'>,
  ref: SubjectRef,
  partition: SubjectPartition,
  records: readonly CreditRecord[],
  years: readonly number[],
  asOf: LegalDate,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): Promise<Evaluated> => {
  const subject = partition.profile?.subject ?? unregisteredSubject(ref, records);
  const clientIds = records.filter((r) => r.clientEventId !== null).map((r) => r.clientEventId!);
  const clients = clientIds.length > 0 ? await store.loadRecords(clientIds) : new Map<string, CreditRecord>();
  const history = partition.published
    .filter((p) => p.grade !== null)
    .map((p) => ({ year: p.year, grade: p.grade!, publishedOn: p.publishedOn }));
  const results = new Map<number, SubjectResult & { firstCountedOn?: LegalDate | null }>();
  for (const year of years) {
    if (asOf < `${year}-01-01`) continue;
    const ctx: SubjectContext = { period: { year, asOf, options }, clientOf: (id) => clients.get(id), history };
    if (subject.kind === 'enterprise')
      results.set(year, evaluateEnterprise(withFiling(subject, partition, year, asOf), records, ctx));
    else if (subject.kind === 'agency') {
      const staff: StaffRecordSummary[] = partition.staff
        .map((s) => ({ practitionerId: s.practitionerId, firstCountedOn: s.firstCountedOn[String(year)] ?? null }))
        .filter((s): s is StaffRecordSummary => s.firstCountedOn !== null);
      results.set(year, evaluateAgency(withFiling(subject, partition, year, asOf), records, staff, ctx));
    } else results.set(year, evaluatePractitioner(subject, records, ctx));
  }
  const hasStaff = subject.kind === 'agency' && partition.staff.length > 0;
  return { subject, results, stableThrough: stableThrough(asOf, records, [...clients.values()], history, hasStaff) };
};

/** The result as stored and shown (the practitioner's first counted date stays internal). */
export const publicShape = (result: SubjectResult & { firstCountedOn?: unknown }): SubjectResult => {
  const { firstCountedOn: _, ...rest } = result as SubjectResult & { firstCountedOn?: unknown };
  return rest as SubjectResult;
};

export const leagueOf = (subject: Subject): string | null =>
  'league' in subject && subject.league ? subject.league : null;

/** The result without its as-of date: what "the same result" means when a day passes. */
const content = (result: unknown): string => JSON.stringify({ ...(result as Record<string, unknown>), asOf: null });

/**
 * Snapshots to write after an evaluation: every year whose stored snapshot differs (content or
 * as-of date), each guarded by the version that was read.
 */
export const snapshotWrites = (
  partition: SubjectPartition,
  evaluated: Evaluated,
  today: LegalDate,
  at: string,
): {
  snapshot: import('../ports/store.ts').StoredSnapshot;
  expectedVersion: number | null;
  contentChanged: boolean;
}[] => {
  const out = [];
  for (const [year, result] of evaluated.results) {
    const shown = publicShape(result);
    const previous = partition.snapshots.find((s) => s.year === year);
    const contentChanged = !previous || content(previous.result) !== content(shown);
    // Unchanged and still within its stable period: the stored snapshot serves today as it is.
    if (previous && !contentChanged && (previous.stableThrough ?? previous.asOf) >= today && previous.asOf <= today)
      continue;
    out.push({
      snapshot: {
        year,
        league: leagueOf(evaluated.subject),
        asOf: today,
        stableThrough: evaluated.stableThrough,
        result: shown,
        version: (previous?.version ?? 0) + 1,
        computedAt: at,
        // The stored explanation it replaces: the store keeps it when unchanged, else removes it.
        ...(previous?.explanation ? { explanation: previous.explanation } : {}),
      },
      expectedVersion: previous?.version ?? null,
      contentChanged,
    });
  }
  return out;
};

/** A practitioner's employer agency, whose staff rule reads the practitioner's staff link (Annex 2); else null. */
export const employingAgency = ({ subject }: Evaluated): SubjectRef | null =>
  subject.kind === 'practitioner' && subject.employer?.kind === 'agency'
    ? { kind: 'agency', id: subject.employer.id }
    : null;

/**
 * A practitioner's first counted date per year feeds the employer agency's staff rule (Annex 2).
 * Returns the employer agency when its staff link changed (so it must be re-evaluated), else null.
 */
export const updateStaffLink = async (
  store: SubjectRecordStore,
  ref: SubjectRef,
  evaluated: Evaluated,
): Promise<SubjectRef | null> => {
  const employer = employingAgency(evaluated);
  if (!employer) return null;
  const firstCountedOn: Record<string, string | null> = {};
  for (const [year, result] of evaluated.results) firstCountedOn[String(year)] = result.firstCountedOn ?? null;
  return (await store.putStaffLink(employer, { practitionerId: ref.id, firstCountedOn })) ? employer : null;
};

/** Entries of each explanation list (`items`, `pending`, `repair`, `notes`) on one page of a lookup. */
export const EXPLANATION_PAGE_SIZE = 1000;
/** A lookup without `page` answers with the whole explanation up to this size; beyond it, with page 1. */
export const WHOLE_EXPLANATION_BYTES = 4 * 1024 * 1024;

const EXPLANATION_LISTS = ['items', 'pending', 'repair', 'notes', 'noteDetails'] as const;

/** Which part of the explanation a lookup answers with (docs/api.md §3); `page: null` is all of it. */
export interface ExplanationView {
  readonly page: number | null;
  readonly pages: number;
  readonly pageSize: number;
  readonly counts: {
    readonly items: number;
    readonly pending: number;
    readonly repair: number;
    readonly notes: number;
  };
}

/**
 * A result as a lookup shows it, paged: page `page` (1-based) holds entries
 * `(page − 1) × EXPLANATION_PAGE_SIZE` to `page × EXPLANATION_PAGE_SIZE − 1` of each list. Without
 * a page, the whole result when it fits (`explanation` says how many pages there are when more
 * than one), else page 1. A page beyond the last is `outOfRange`.
 */
export const explanationPage = <T extends object>(
  result: T,
  page?: number,
):
  | { readonly ok: true; readonly result: T & { explanation?: ExplanationView } }
  | { readonly ok: false; readonly pages: number } => {
  const r = result as Record<string, unknown>;
  const list = (k: (typeof EXPLANATION_LISTS)[number]) => (Array.isArray(r[k]) ? (r[k] as unknown[]) : []);
  const counts = {
    items: list('items').length,
    pending: list('pending').length,
    repair: list('repair').length,
    notes: list('notes').length,
  };
  const pages = Math.max(1, Math.ceil(Math.max(...Object.values(counts)) / EXPLANATION_PAGE_SIZE));
  const view = (p: number | null): ExplanationView => ({ page: p, pages, pageSize: EXPLANATION_PAGE_SIZE, counts });
  if (page === undefined) {
    if (pages === 1) return { ok: true, result };
    if (Buffer.byteLength(JSON.stringify(result)) <= WHOLE_EXPLANATION_BYTES)
      return { ok: true, result: { ...result, explanation: view(null) } };
    page = 1;
  }
  if (page > pages) return { ok: false, pages };
  const from = (page - 1) * EXPLANATION_PAGE_SIZE;
  const sliced = Object.fromEntries(
    Object.entries(r).map(([k, v]) => [
      k,
      (EXPLANATION_LISTS as readonly string[]).includes(k) && Array.isArray(v)
        ? v.slice(from, from + EXPLANATION_PAGE_SIZE)
        : v,
    ]),
  ) as T;
  return { ok: true, result: { ...sliced, explanation: view(page) } };
};
