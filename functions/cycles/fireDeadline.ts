import type { CycleStore } from '../ports/cycleStore.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { CycleTransitions, FireOutcome } from './cycleTransitions.ts';

/** A repair application's verification deadline (Art 23), applied by the repairs use cases. */
export type VerifyRepairDue = (target: DeadlineTarget & { readonly kind: 'repair' }) => Promise<FireOutcome>;

/**
 * A legal deadline is due (invoked by its one-time schedule, or by the nightly sweep): applied only
 * if it is still due and unchanged, so deliveries twice, late or after a cancel change nothing.
 * A cycle's deadline moves its stage or raises an overdue alert; a credit warning's deadline
 * re-evaluates its subject at once (Art 22, I8); a repair's goes to the repairs use cases (Art 23).
 */
export class FireDeadline {
  constructor(
    private readonly cycles: CycleStore,
    private readonly transitions: CycleTransitions,
    private readonly queue: RecordQueue,
    private readonly verifyRepairDue: VerifyRepairDue,
  ) {}

  async execute(target: DeadlineTarget): Promise<FireOutcome> {
    if (target.kind === 'repair') return this.verifyRepairDue(target);
    if (target.kind === 'warning') {
      await this.queue.send([
        {
          type: 'subject.reevaluate',
          subject: target.owner.subject,
          cause: `warning:${target.deadlineId}:${target.at}`,
        },
      ]);
      await this.cycles.unindexDeadline(target);
      return { status: 'applied' };
    }
    return this.transitions.fireCycleDeadline(target);
  }
}
