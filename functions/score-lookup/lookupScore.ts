import { SUBJECT_KINDS, type SubjectKind } from '../../domain/catalogue/kinds.ts';
import { isLegalDate, legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import type { SubjectResult } from '../../domain/evaluation/evaluateSubject.ts';
import { subjectIdProblem } from '../../domain/records/creditRecord.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { CreditStore, SubjectRef } from '../ports/store.ts';
import { type Caller, mayActOn } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { evaluateStored, leagueOf, publicShape } from '../shared/subjectEvaluation.ts';

/**
 * `GET /v1/subjects/{kind}/{id}/score` (API.md §3). Public callers get only published annual results
 * of enterprises and agencies (practitioners never: Art 18(6), 35). Staff get the live score in
 * their jurisdiction: one read of the snapshot in the common case, a fresh evaluation from the
 * records when another `asOf` is asked for or the snapshot is older than today.
 */
export type LookupOutcome =
  | { readonly status: 'ok'; readonly body: Omit<SubjectResult, 'status'> & { status: 'live' | 'published' } }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'notFound' }
  | { readonly status: 'forbidden' }
  | { readonly status: 'unauthorized' };

export interface LookupQuery {
  readonly kind: string;
  readonly id: string;
  readonly year?: string;
  readonly asOf?: string;
}

export class LookupScore {
  constructor(
    private readonly store: CreditStore,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, q: LookupQuery): Promise<LookupOutcome> {
    if (caller.type === 'invalid') return { status: 'unauthorized' };
    const issues: InputIssue[] = [];
    if (!(SUBJECT_KINDS as readonly string[]).includes(q.kind)) issues.push({ path: 'kind', message: '主体类型须为 enterprise、agency 或 practitioner' });
    else {
      const p = subjectIdProblem(q.kind as SubjectKind, q.id);
      if (p) issues.push({ path: 'id', message: p });
    }
    if (q.year !== undefined && !/^\d{4}$/.test(q.year)) issues.push({ path: 'year', message: '年度须为四位数字' });
    if (q.asOf !== undefined && !isLegalDate(q.asOf)) issues.push({ path: 'asOf', message: '评价基准日须为 YYYY-MM-DD 格式的有效日期' });
    if (issues.length > 0) return { status: 'invalid', issues };
    const ref: SubjectRef = { kind: q.kind as SubjectKind, id: q.id };
    const year = q.year === undefined ? undefined : Number(q.year);

    if (caller.type === 'public') {
      // Practitioners are never public (Art 18(6), Art 35).
      if (ref.kind === 'practitioner') return { status: 'notFound' };
      const published = year === undefined ? await this.store.latestPublished(ref) : await this.store.getPublished(ref, year);
      return published ? { status: 'ok', body: { ...published.result, status: 'published' } } : { status: 'notFound' };
    }

    const today = legalDateOfInstant(this.clock.now());
    const wantedYear = year ?? yearOf(today);
    const asOf = q.asOf ?? today;
    if (asOf < `${wantedYear}-01-01`) return { status: 'invalid', issues: [{ path: 'asOf', message: `评价基准日不能早于${wantedYear}年1月1日` }] };
    const snapshot = await this.store.getSnapshot(ref, wantedYear);
    // One read in the common case: the stored result holds for any date in its stable period.
    if (snapshot && snapshot.asOf <= asOf && asOf <= (snapshot.stableThrough ?? snapshot.asOf)) {
      if (!mayActOn(caller.claims, { ...ref, league: snapshot.league })) return { status: 'forbidden' };
      return { status: 'ok', body: { ...snapshot.result, asOf, status: 'live' } };
    }
    const partition = await this.store.loadSubject(ref);
    if (!partition.profile && partition.records.length === 0) return snapshot ? { status: 'forbidden' } : { status: 'notFound' };
    const records = partition.records.map((r) => r.record);
    const evaluated = await evaluateStored(this.store, ref, partition, records, [wantedYear], asOf);
    if (!mayActOn(caller.claims, { ...ref, league: leagueOf(evaluated.subject) })) return { status: 'forbidden' };
    const result = evaluated.results.get(wantedYear);
    return result ? { status: 'ok', body: { ...publicShape(result), status: 'live' } } : { status: 'notFound' };
  }
}
