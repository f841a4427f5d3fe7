import { legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import type { SubjectResult } from '../../domain/evaluation/evaluateSubject.ts';
import type { PublishedResultStore, SnapshotReader, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { type ScoreQuery, scoreQuery } from '../score-lookup/contracts.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type Invalid, invalid, type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';
import { parseRequest, subjectPath } from '../shared/http.ts';
import { authorize, type ListedEmployer } from '../shared/policy.ts';
import {
  evaluateStored,
  explanationPage,
  leagueOf,
  publicShape,
  unregisteredSubject,
} from '../shared/subjectEvaluation.ts';
import { type ListedEmployers, listedEmployerOf } from './listedEmployers.ts';

/**
 * `GET /v1/subjects/{kind}/{id}/score` (docs/api.md §3). Public callers get only published annual results
 * of enterprises and agencies (practitioners never: Art 18(6), 35). Staff get the live score in
 * their jurisdiction and the public view elsewhere (docs/authorization.md); the unit that filed a
 * practitioner the bureau listed reads that practitioner's live result of that year (Art 18(1), 18(4)),
 * when `employers` is given: one read of the
 * snapshot in the common case, a fresh evaluation from the records when another `asOf` is asked
 * for or the snapshot is older than today.
 */
export type LookupBody = Omit<SubjectResult, 'status'> & { status: 'live' | 'published' };
/** The answer's `body` when found; otherwise a shared refusal. */
export type LookupOutcome = { readonly status: 'ok'; readonly body: LookupBody } | Invalid | NotFound | Forbidden;
type Found = Outcome<LookupBody, Invalid | NotFound | Forbidden>;

/** A lookup as asked: the path's `{kind}/{id}` and the query's text, parsed here with their contracts. */
export interface LookupQuery {
  readonly kind: string;
  readonly id: string;
  readonly year?: string;
  readonly asOf?: string;
  readonly page?: string;
}

export class LookupScore {
  constructor(
    private readonly store: SnapshotReader &
      PublishedResultStore &
      Pick<SubjectRecordStore, 'loadSubject' | 'loadRecords'>,
    private readonly clock: Clock,
    private readonly employers?: Pick<ListedEmployers, 'filingOf'>,
  ) {}

  /** The caller's unit, when it filed this practitioner for the year and the bureau listed it. */
  private async listedEmployer(caller: Caller, ref: SubjectRef, year: number): Promise<ListedEmployer | undefined> {
    if (!this.employers || caller.type !== 'staff' || ref.kind !== 'practitioner') return undefined;
    return listedEmployerOf(await this.employers.filingOf(caller.claims, ref.id, year));
  }

  /** `caller`: the public or staff (a refused token was answered 401 before it got here). */
  async execute(caller: Caller, { kind, id, ...query }: LookupQuery): Promise<LookupOutcome> {
    const req = parseRequest({ path: [subjectPath, { kind, id }], query: [scoreQuery, query] });
    if (req.status !== 'ok') return req;
    const q = req.value.query;
    const outcome = await this.lookup(caller, req.value.path, q);
    if (outcome.status !== 'ok') return outcome;
    // A big subject's explanation: whole when it fits in an answer, else page by page.
    const paged = explanationPage(outcome.value, q.page === undefined ? undefined : Number(q.page));
    return paged.ok
      ? { status: 'ok', body: paged.result }
      : invalid([{ path: 'page', message: `页码超出范围（共 ${paged.pages} 页）` }]);
  }

  private async lookup(caller: Caller, ref: SubjectRef, q: ScoreQuery): Promise<Found> {
    const year = q.year === undefined ? undefined : Number(q.year);

    if (caller.type !== 'staff') return this.publicView(ref, year, 'notFound');

    const today = legalDateOfInstant(this.clock.now());
    const wantedYear = year ?? yearOf(today);
    const asOf = q.asOf ?? today;
    if (asOf < `${wantedYear}-01-01`)
      return invalid([{ path: 'asOf', message: `评价基准日不能早于${wantedYear}年1月1日` }]);
    const listedEmployer = await this.listedEmployer(caller, ref, wantedYear);
    const snapshot = await this.store.getSnapshot(ref, wantedYear);
    // One read in the common case: the stored result holds for any date in its stable period.
    if (snapshot && snapshot.asOf <= asOf && asOf <= (snapshot.stableThrough ?? snapshot.asOf)) {
      if (!authorize(caller, 'subject.readLive', { ...ref, league: snapshot.league, listedEmployer }).ok)
        return this.publicView(ref, year, 'forbidden');
      return ok({ ...snapshot.result, asOf, status: 'live' });
    }
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const known = partition.profile !== null || records.length > 0;
    // Nothing stored: in no league's jurisdiction, so a league bureau gets the same 403 as for another league's subject.
    const league = known
      ? leagueOf(partition.profile?.subject ?? unregisteredSubject(ref, records))
      : (snapshot?.league ?? null);
    if (!authorize(caller, 'subject.readLive', { ...ref, league, listedEmployer }).ok)
      return this.publicView(ref, year, 'forbidden');
    if (!known) return notFound;
    const evaluated = await evaluateStored(this.store, ref, partition, records, [wantedYear], asOf);
    const result = evaluated.results.get(wantedYear);
    return result ? ok({ ...publicShape(result), status: 'live' }) : notFound;
  }

  /**
   * What anyone may read: the published annual result of an enterprise or agency (practitioners
   * never: Art 18(6), 35). Staff outside their jurisdiction get this too (never less than the
   * public); when there is nothing public they get 403 whether or not the subject exists, so a 403
   * never tells a missing subject from another's.
   */
  private async publicView(
    ref: SubjectRef,
    year: number | undefined,
    otherwise: 'notFound' | 'forbidden',
  ): Promise<Found> {
    if (ref.kind === 'practitioner') return { status: otherwise };
    const published =
      year === undefined ? await this.store.latestPublished(ref) : await this.store.getPublished(ref, year);
    return published ? ok({ ...published.result, status: 'published' }) : { status: otherwise };
  }
}
