import { yearOf, type LegalDate } from '../../domain/dates.ts';
import {
  evaluateAgency, evaluateEnterprise, evaluatePractitioner, type StaffRecordSummary, type SubjectContext, type SubjectResult,
} from '../../domain/evaluation/evaluateSubject.ts';
import { DEFAULT_OPTIONS, type EvaluationOptions } from '../../domain/evaluation/options.ts';
import { stableThrough } from '../../domain/evaluation/stability.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import type { CreditStore, StoredProfile, SubjectPartition, SubjectRef } from '../ports/store.ts';

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

export const evaluateStored = async (
  store: CreditStore,
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
  const history = partition.published.filter((p) => p.grade !== null).map((p) => ({ year: p.year, grade: p.grade!, publishedOn: p.publishedOn }));
  const results = new Map<number, SubjectResult & { firstCountedOn?: LegalDate | null }>();
  for (const year of years) {
    if (asOf < `${year}-01-01`) continue;
    const ctx: SubjectContext = { period: { year, asOf, options }, clientOf: (id) => clients.get(id), history };
    if (subject.kind === 'enterprise') results.set(year, evaluateEnterprise(subject, records, ctx));
    else if (subject.kind === 'agency') {
      const staff: StaffRecordSummary[] = partition.staff
        .map((s) => ({ practitionerId: s.practitionerId, firstCountedOn: s.firstCountedOn[String(year)] ?? null }))
        .filter((s): s is StaffRecordSummary => s.firstCountedOn !== null);
      results.set(year, evaluateAgency(subject, records, staff, ctx));
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

export const leagueOf = (subject: Subject): string | null => ('league' in subject && subject.league ? subject.league : null);

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
): { snapshot: import('../ports/store.ts').StoredSnapshot; expectedVersion: number | null; contentChanged: boolean }[] => {
  const out = [];
  for (const [year, result] of evaluated.results) {
    const shown = publicShape(result);
    const previous = partition.snapshots.find((s) => s.year === year);
    const contentChanged = !previous || content(previous.result) !== content(shown);
    // Unchanged and still within its stable period: the stored snapshot serves today as it is.
    if (previous && !contentChanged && (previous.stableThrough ?? previous.asOf) >= today && previous.asOf <= today) continue;
    out.push({
      snapshot: { year, league: leagueOf(evaluated.subject), asOf: today, stableThrough: evaluated.stableThrough, result: shown, version: (previous?.version ?? 0) + 1, computedAt: at },
      expectedVersion: previous?.version ?? null,
      contentChanged,
    });
  }
  return out;
};

/** A practitioner's first counted date per year feeds the employer agency's staff rule (Annex 2). */
/** Returns the employer agency when its staff link changed (so it must be re-evaluated), else null. */
export const updateStaffLink = async (store: CreditStore, ref: SubjectRef, evaluated: Evaluated): Promise<SubjectRef | null> => {
  if (evaluated.subject.kind !== 'practitioner' || evaluated.subject.employer?.kind !== 'agency') return null;
  const firstCountedOn: Record<string, string | null> = {};
  for (const [year, result] of evaluated.results) firstCountedOn[String(year)] = result.firstCountedOn ?? null;
  const employer: SubjectRef = { kind: 'agency', id: evaluated.subject.employer.id };
  return (await store.putStaffLink(employer, { practitionerId: ref.id, firstCountedOn })) ? employer : null;
};
