import { officialWorkingCalendar, workingDaysAfter } from '../../../../domain/calendar/workingCalendar.ts';
import { legalDateOfInstant } from '../../../../domain/dates.ts';
import { type RepairQueueReader, refKey, type SubjectListing } from '../../../ports/consoleLists.ts';
import type { CycleStore } from '../../../ports/cycleStore.ts';
import type { RepairApplication } from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import type { Clock } from '../../../shared/clock.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';
import { leagueOf } from '../../../shared/subjectEvaluation.ts';

export interface QueuedRepair {
  readonly application: RepairApplication;
  readonly name: string | null;
  readonly league: string | null;
  /** Working days from today to the verification limit (Art 23 ¶2): negative when overdue. */
  readonly workingDaysLeft: number;
  /** A day counted has no official calendar yet (I11). */
  readonly provisional: boolean;
}

/**
 * The queue of repair applications waiting for their bureau's verification (Art 23 ¶2: within 20
 * working days), soonest limit first, with the working days left; only those the caller may decide
 * (`repair.decide`: the region all, a league bureau its league's).
 */
export class ListRepairQueue {
  constructor(
    private readonly lists: RepairQueueReader & Pick<SubjectListing, 'profilesByRef'>,
    private readonly cycles: Pick<CycleStore, 'calendars'>,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller): Promise<Outcome<QueuedRepair[], Forbidden | Unauthorized>> {
    const role = authorize(caller, 'repair.decide');
    if (!role.ok) return role.refusal;
    const pending = await this.lists.pendingApplications();
    const profiles = await this.lists.profilesByRef(pending.map((a) => a.subject));
    const calendar = officialWorkingCalendar(...(await this.cycles.calendars()));
    const today = legalDateOfInstant(this.clock.now());
    const out: QueuedRepair[] = [];
    for (const application of pending) {
      const profile = profiles.get(refKey(application.subject));
      const league = profile ? leagueOf(profile.subject) : null;
      if (!authorize(caller, 'repair.decide', { ...application.subject, league }).ok) continue;
      const limit = application.verifyBy.on;
      const ahead = workingDaysAfter(today, limit, calendar);
      const behind = workingDaysAfter(limit, today, calendar);
      out.push({
        application,
        name: profile?.subject.name ?? null,
        league,
        workingDaysLeft: limit >= today ? ahead.days : -behind.days,
        provisional: ahead.provisional || application.verifyBy.provisional,
      });
    }
    return ok(out.sort((a, b) => (a.application.verifyBy.at < b.application.verifyBy.at ? -1 : 1)));
  }
}
