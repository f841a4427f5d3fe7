import type { CycleStore } from '../ports/cycleStore.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { CycleTransitions, FireOutcome } from './cycleTransitions.ts';

/** A repair application's verification deadline (Art 23), applied by the repairs use cases. */
export type VerifyRepairDue = (target: DeadlineTarget & { readonly kind: 'repair' }) => Promise<FireOutcome>;

/**
 * Runs before a league's FILING window closes in its cycle (Art 20, 32: participants without a
 * filing are marked late). Before, not after: a failure leaves the deadline due for the nightly sweep.
 */
export type BeforeFilingCloses = (target: DeadlineTarget & { readonly kind: 'cycle' }) => Promise<unknown>;

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
    private readonly beforeFilingCloses: BeforeFilingCloses = async () => undefined,
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
    if (target.deadlineId.startsWith('FILING.end@')) await this.beforeFilingCloses(target);
    return this.transitions.fireCycleDeadline(target);
  }
}
