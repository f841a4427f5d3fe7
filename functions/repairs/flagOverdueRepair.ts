import type { CycleStore } from '../ports/cycleStore.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { ProfileStore, RepairApplicationStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';

/**
 * An application's verification limit passed (Art 23 ¶2: 20 working days): still pending, it is
 * marked overdue and an overdue alert for the responsible bureau is written to the audit trail;
 * otherwise nothing. Fired by the deadline like every other limit.
 */
export class FlagOverdueRepair {
  constructor(
    private readonly store: ProfileStore & RepairApplicationStore,
    private readonly cycles: CycleStore,
    private readonly clock: Clock,
  ) {}

  async verificationDue(
    target: DeadlineTarget & { readonly kind: 'repair' },
  ): Promise<{ status: 'applied' | 'ignored'; reason?: string }> {
    const ref = target.owner.subject;
    const app = (await this.store.repairApplications(ref)).find((a) => a.id === target.deadlineId);
    await this.cycles.unindexDeadline(target);
    if (app?.status !== 'pending' || app.overdue || app.verifyBy.at !== target.at)
      return { status: 'ignored', reason: 'not pending' };
    const profile = await this.store.getProfile(ref);
    const league = profile ? leagueOf(profile.subject) : null;
    await this.store.putRepairApplication({ ...app, overdue: true, version: app.version + 1 }, app.version, {
      subject: ref,
      at: this.clock.now().toISOString(),
      actor: 'system:deadline',
      action: 'alert.raised',
      what: { applicationId: app.id, responsible: league, limitOn: app.verifyBy.on, article: 'Art 23' },
      why: `信用修复申请应于${app.verifyBy.on}前核实（第二十三条），现已逾期`,
    });
    return { status: 'applied' };
  }
}
