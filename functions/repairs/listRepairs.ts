import type { ProfileStore, RepairApplication, RepairApplicationStore, SubjectRef } from '../ports/store.ts';
import { type Caller, mayActOn } from '../shared/auth.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';
import type { RepairOutcome } from './repairOutcome.ts';

/** `GET /v1/subjects/{kind}/{id}/repairs` — a subject's applications and their state, for staff of its jurisdiction. */
export class ListRepairs {
  constructor(private readonly store: ProfileStore & RepairApplicationStore) {}

  async execute(caller: Caller, ref: SubjectRef): Promise<RepairOutcome<RepairApplication[]>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    const profile = await this.store.getProfile(ref);
    if (!mayActOn(caller.claims, { ...ref, league: profile ? leagueOf(profile.subject) : null }))
      return { status: 'forbidden' };
    return { status: 'ok', value: await this.store.repairApplications(ref) };
  }
}
