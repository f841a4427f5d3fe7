import type { ProfileStore, RepairApplication, RepairApplicationStore, SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import { authorize } from '../shared/policy.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';
import { type RepairOutcome, refusedBy } from './repairOutcome.ts';

/** `GET /v1/subjects/{kind}/{id}/repairs` — a subject's applications and their state, for staff of its jurisdiction. */
export class ListRepairs {
  constructor(private readonly store: ProfileStore & RepairApplicationStore) {}

  async execute(caller: Caller, ref: SubjectRef): Promise<RepairOutcome<RepairApplication[]>> {
    const role = authorize(caller, 'repair.apply');
    if (!role.ok) return refusedBy(role.refusal);
    const profile = await this.store.getProfile(ref);
    const allowed = authorize(caller, 'repair.apply', { ...ref, league: profile ? leagueOf(profile.subject) : null });
    if (!allowed.ok) return refusedBy(allowed.refusal);
    return { status: 'ok', value: await this.store.repairApplications(ref) };
  }
}
