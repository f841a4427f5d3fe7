import { type Subject, subjectSchema } from '../../domain/subjects/subject.ts';
import { validate } from '../../domain/validation.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { ProfileStore, StoredProfile, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type Outcome,
  ok,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';
import type { RegisterSubjectRequest } from './contracts.ts';

/**
 * `PUT /v1/subjects/{kind}/{id}` (staff): a bureau registers or updates a subject — name, league,
 * sites with output shares, agency categories, practitioner employer (Art 16(1), 17(1), 18(1)).
 * The region registers anywhere. A league bureau registers only in its own league, and only a
 * subject that is its own already (registered in its league, or unregistered with records of its
 * league) or unclaimed (nothing stored about it): docs/authorization.md. Audited; the subject is then
 * re-evaluated (sites and categories change its score), and so is a practitioner's employer.
 */
export type Registered = { readonly created: boolean; readonly profile: StoredProfile };

export class RegisterSubject {
  constructor(
    private readonly store: ProfileStore & SubjectRecordStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
  ) {}

  /** `caller` may register at all (`subject.register` by role, asked by the handler); here, on this subject. */
  async execute(
    caller: Caller,
    ref: SubjectRef,
    body: RegisterSubjectRequest,
    why: string | null,
  ): Promise<Outcome<Registered, Invalid | Forbidden | Conflict>> {
    const { kind, id } = ref;
    const v = validate(subjectSchema, { ...body, kind, id });
    if (!v.ok) return invalid(v.issues);
    const subject: Subject = v.value;
    const existing = await this.store.getProfile(ref);
    const may = authorize(caller, 'subject.register', { ...ref, league: leagueOf(subject) });
    if (!may.ok) return forbidden;
    // Whose the subject is now: registered, its registered league; unregistered, the league of its
    // records (kept on its profile since its first record); unclaimed (nothing stored), nobody's.
    if (existing && !authorize(caller, 'subject.register', { ...ref, league: leagueOf(existing.subject) }).ok)
      return forbidden;
    const at = this.clock.now().toISOString();
    const profile: StoredProfile = {
      subject,
      registration: 'registered',
      version: (existing?.version ?? 0) + 1,
      updatedAt: at,
    };
    const written = await this.store.putProfile(profile, existing?.version ?? null, {
      subject: ref,
      at,
      actor: actorOf(may.claims),
      action: existing ? 'subject.updated' : 'subject.registered',
      what: { before: existing?.subject ?? null, after: subject },
      why,
    });
    if (!written) return conflict('VERSION_CONFLICT', '该主体刚被他人修改，请重新读取后再提交');

    const previousEmployer = existing?.subject.kind === 'practitioner' ? existing.subject.employer : null;
    const employer = subject.kind === 'practitioner' ? subject.employer : null;
    if (previousEmployer?.kind === 'agency' && previousEmployer.id !== employer?.id) {
      await this.store.deleteStaffLink({ kind: 'agency', id: previousEmployer.id }, id);
      await this.queue.send([
        {
          type: 'subject.reevaluate',
          subject: { kind: 'agency', id: previousEmployer.id },
          cause: `staff-left:${id}:${profile.version}`,
        },
      ]);
    }
    await this.queue.send([{ type: 'subject.reevaluate', subject: ref, cause: `registered:${profile.version}` }]);
    return ok({ created: !existing, profile });
  }
}
