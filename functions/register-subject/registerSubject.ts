import type { SubjectKind } from '../../domain/catalogue/kinds.ts';
import { subjectSchema, type Subject } from '../../domain/subjects/subject.ts';
import { type InputIssue, validate } from '../../domain/validation.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { CreditStore, StoredProfile } from '../ports/store.ts';
import { actorOf, type Caller, mayActOn } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';

/**
 * `PUT /v1/subjects/{kind}/{id}` (staff): a bureau registers or updates a subject — name, league,
 * sites with output shares, agency categories, practitioner employer (Art 16(1), 17(1), 18(1)).
 * The region registers anywhere, a league bureau only in its league. Audited; the subject is then
 * re-evaluated (sites and categories change its score), and so is a practitioner's employer.
 */
export type RegisterOutcome =
  | { readonly status: 'created' | 'updated'; readonly profile: StoredProfile }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'forbidden' }
  | { readonly status: 'unauthorized' }
  | { readonly status: 'conflict' };

export class RegisterSubject {
  constructor(
    private readonly store: CreditStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, kind: string, id: string, body: unknown, why: string | null): Promise<RegisterOutcome> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    // Registering is a bureau's act (Art 16-18): region or league staff.
    if (caller.claims.role !== 'region' && caller.claims.role !== 'league') return { status: 'forbidden' };
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 'invalid', issues: [{ path: '', message: '请求体须为 JSON 对象' }] };
    const v = validate(subjectSchema, { ...body, kind, id });
    if (!v.ok) return { status: 'invalid', issues: v.issues };
    const subject: Subject = v.value;
    const ref = { kind: kind as SubjectKind, id };
    const existing = await this.store.getProfile(ref);
    const league = leagueOf(subject);
    if (!mayActOn(caller.claims, { ...ref, league })) return { status: 'forbidden' };
    if (existing && existing.registration === 'registered' && !mayActOn(caller.claims, { ...ref, league: leagueOf(existing.subject) })) return { status: 'forbidden' };
    const at = this.clock.now().toISOString();
    const profile: StoredProfile = { subject, registration: 'registered', version: (existing?.version ?? 0) + 1, updatedAt: at };
    const written = await this.store.putProfile(profile, existing?.version ?? null, {
      subject: ref, at, actor: actorOf(caller.claims), action: existing ? 'subject.updated' : 'subject.registered',
      what: { before: existing?.subject ?? null, after: subject }, why,
    });
    if (!written) return { status: 'conflict' };

    const previousEmployer = existing?.subject.kind === 'practitioner' ? existing.subject.employer : null;
    const employer = subject.kind === 'practitioner' ? subject.employer : null;
    if (previousEmployer?.kind === 'agency' && previousEmployer.id !== employer?.id) {
      await this.store.deleteStaffLink({ kind: 'agency', id: previousEmployer.id }, id);
      await this.queue.send([{ type: 'subject.reevaluate', subject: { kind: 'agency', id: previousEmployer.id }, cause: `staff-left:${id}:${profile.version}` }]);
    }
    await this.queue.send([{ type: 'subject.reevaluate', subject: ref, cause: `registered:${profile.version}` }]);
    return { status: existing ? 'updated' : 'created', profile };
  }
}
