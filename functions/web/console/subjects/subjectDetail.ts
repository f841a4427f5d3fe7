import { legalDateOfInstant } from '../../../../domain/dates.ts';
import type { SubjectResult } from '../../../../domain/evaluation/evaluateSubject.ts';
import type { Grade } from '../../../../domain/evaluation/grade.ts';
import { isLeagueCode } from '../../../../domain/identifiers/leagues.ts';
import type { Subject } from '../../../../domain/subjects/subject.ts';
import type { ParticipantStore } from '../../../ports/participants.ts';
import type {
  AuditEntry,
  AuditLog,
  ProfileStore,
  PublishedResultStore,
  RepairApplication,
  RepairApplicationStore,
  StoredProfile,
  SubjectRef,
} from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import type { Clock } from '../../../shared/clock.ts';
import {
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
} from '../../../shared/errors.ts';
import { liveYears } from '../../../shared/subjectEvaluation.ts';
import { type ReadRefusal, refusalOfRead, subjectToRead } from './readAccess.ts';

/** A live result as the score lookup answers it (`functions/lookup/lookupScore.ts`). */
export type LookedUp = Omit<SubjectResult, 'status'> & { readonly status: 'live' | 'published' };
/** The score lookup, as the page calls it (with the caller, so the lookup applies the same jurisdiction). */
export type LiveLookup = (
  caller: Caller,
  query: { readonly kind: string; readonly id: string; readonly year?: string },
) => Promise<{ readonly status: 'ok'; readonly body: LookedUp } | Invalid | NotFound | Forbidden>;

export interface HistoryPoint {
  readonly year: number;
  readonly score: number | null;
  readonly grade: Grade | null;
  /** `published`: the year's published result; `live`: today's evaluation of a year not published. */
  readonly source: 'published' | 'live';
}

export interface SubjectDetail {
  readonly ref: SubjectRef;
  readonly profile: StoredProfile;
  readonly year: number;
  readonly years: readonly number[];
  /** The live result of `year`; null when there is none (nothing evaluated for that year). */
  readonly result: LookedUp | null;
  readonly history: readonly HistoryPoint[];
  /**
   * Whether the subject is on its league's list of participants of `year` (Art 16(1), 17(1)): a
   * subject that is not is not published for that year. Null for practitioners (never published).
   */
  readonly listed: { readonly league: string; readonly onList: boolean } | null;
  /** Newest first. */
  readonly audit: readonly AuditEntry[];
  readonly repairs: readonly RepairApplication[];
}

/** Years of published results shown in a subject's history (before the live ones). */
export const HISTORY_YEARS = 5;

/**
 * A subject's page in the console (docs/console.md): its profile, its live result with the whole
 * explanation (the score lookup, as the caller), its score over the years, its audit trail and its
 * repair applications. Only staff in whose jurisdiction the subject is may read it (`subject.readLive`);
 * elsewhere the same refusal whether or not it exists.
 */
export class ReadSubjectDetail {
  constructor(
    private readonly store: ProfileStore & PublishedResultStore & AuditLog & RepairApplicationStore,
    private readonly lookup: LiveLookup,
    private readonly clock: Clock,
    private readonly lists: Pick<ParticipantStore, 'participants'>,
  ) {}

  async execute(caller: Caller, kind: string, id: string, year?: string): Promise<Outcome<SubjectDetail, ReadRefusal>> {
    const asked = subjectToRead(caller, kind, id);
    if (asked.status !== 'ok') return asked;
    const { ref } = asked.value;
    const years = liveYears(legalDateOfInstant(this.clock.now()));
    if (year !== undefined && !years.map(String).includes(year))
      return invalid([{ path: 'year', message: `年度须为${years.join('或')}` }]);
    const shownYear = year === undefined ? years[years.length - 1]! : Number(year);
    const profile = await this.store.getProfile(ref);
    const refused = refusalOfRead(caller, ref, profile?.subject ?? null);
    if (refused || !profile) return refused ?? notFound;
    const looked = await this.lookup(caller, { kind, id, year: String(shownYear) });
    if (looked.status === 'invalid' || looked.status === 'forbidden') return looked;
    // The console shows the live result only; a published view here would mean another's subject.
    if (looked.status === 'ok' && looked.body.status !== 'live') return forbidden;
    const result = looked.status === 'ok' ? looked.body : null;
    const [audit, repairs, history, listed] = await Promise.all([
      this.store.auditOf(ref),
      this.store.repairApplications(ref),
      this.history(ref, years, shownYear, result),
      this.listed(profile.subject, shownYear),
    ]);
    return ok({
      ref,
      profile,
      year: shownYear,
      years,
      result,
      history,
      listed,
      audit: [...audit].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
      repairs: [...repairs].sort((a, b) => (a.appliedOn < b.appliedOn ? 1 : -1)),
    });
  }

  /** Art 16(1), 17(1): the league's list of the year, for enterprises and agencies registered in a league. */
  private async listed(subject: Subject, year: number): Promise<SubjectDetail['listed']> {
    if (subject.kind === 'practitioner' || !subject.league || !isLeagueCode(subject.league)) return null;
    const entries = await this.lists.participants({ year, kind: subject.kind, league: subject.league });
    return { league: subject.league, onList: entries.some((e) => e.code === subject.id) };
  }

  /** Published results of the years before the live ones, then the live year shown (if not published). */
  private async history(
    ref: SubjectRef,
    years: readonly number[],
    shownYear: number,
    live: LookedUp | null,
  ): Promise<HistoryPoint[]> {
    const last = years[years.length - 1]!;
    const asked = Array.from(
      { length: HISTORY_YEARS + years.length },
      (_, i) => last - HISTORY_YEARS - years.length + 1 + i,
    );
    const published = await Promise.all(asked.map((y) => this.store.getPublished(ref, y)));
    const points: HistoryPoint[] = [];
    for (const p of published) {
      if (!p) continue;
      const r = p.result as { score?: number };
      points.push({
        year: p.year,
        score: typeof r.score === 'number' ? r.score : null,
        grade: p.grade,
        source: 'published',
      });
    }
    if (live && live.subject.kind !== 'practitioner' && !points.some((p) => p.year === shownYear)) {
      const scored = live as unknown as { score: number; grade: Grade | null };
      points.push({ year: shownYear, score: scored.score, grade: scored.grade, source: 'live' });
    }
    return points.sort((a, b) => a.year - b.year);
  }
}
