import { randomUUID } from 'node:crypto';
import type { FireDeadline } from '../cycles/fireDeadline.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { RescoreMessage } from '../ports/messages.ts';
import type { SubjectDirectory } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { chunks, listAllSubjects } from '../shared/subjects.ts';

/**
 * The nightly run (02:00 Asia/Shanghai): first the sweep — every indexed deadline that is due but did
 * not fire is fired now (a lost schedule is caught within a day; firing is idempotent) and the outbox
 * sweep (accepted records left unapplied are sent again) — then the rescoring plan: every subject, in
 * batches, onto the `rescore` queue. New years need nothing special: the worker evaluates the live
 * years of today.
 */
export const RESCORE_BATCH = 25;

/** What a nightly run did: deadlines fired (`swept`), subjects planned, outbox claims sent again or set aside. */
export type NightlyPlan = {
  readonly runId: string;
  readonly swept: number;
  readonly subjects: number;
  readonly messages: number;
  readonly requeued: number;
  readonly stuck: number;
};

export class PlanNightlyRun {
  constructor(
    /** The subjects to rescore (the nightly listing). */
    private readonly store: SubjectDirectory,
    private readonly cycleStore: CycleStore,
    /** Fires a due deadline (the deadline function's use case); idempotent. */
    private readonly fireDeadline: Pick<FireDeadline, 'execute'>,
    private readonly queue: { send(messages: readonly RescoreMessage[]): Promise<void> },
    private readonly clock: Clock,
    private readonly segments = 4,
    /** The outbox sweep (docs/ingestion.md): unapplied claims are sent again before rescoring. */
    private readonly sweepOutbox?: () => Promise<{ requeued: number; stuck: number }>,
  ) {}

  async execute(): Promise<NightlyPlan> {
    const runId = randomUUID();
    const outbox = this.sweepOutbox ? await this.sweepOutbox() : { requeued: 0, stuck: 0 };
    let swept = 0;
    for (const target of await this.cycleStore.dueDeadlines(this.clock.now().toISOString())) {
      const r = await this.fireDeadline.execute(target);
      if (r.status === 'applied') swept++;
    }
    const subjects = await listAllSubjects(this.store, this.segments);
    const messages: RescoreMessage[] = chunks(subjects, RESCORE_BATCH).map((batch) => ({
      type: 'rescore',
      runId,
      subjects: batch,
    }));
    await this.queue.send(messages);
    const { requeued, stuck } = outbox;
    return { runId, swept, subjects: subjects.length, messages: messages.length, requeued, stuck };
  }
}
