import { randomUUID } from 'node:crypto';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { CreditStore } from '../ports/store.ts';
import { chunks, listAllSubjects } from '../shared/subjects.ts';
import type { Clock } from '../shared/clock.ts';
import type { CycleService } from '../cycles/cycleService.ts';
import type { RescoreMessage } from '../rescore-worker/handler.ts';

/**
 * The nightly run (02:00 Asia/Shanghai, issue 5 §3): first the sweep — every indexed deadline that
 * is due but did not fire is fired now (a lost schedule is caught within a day; firing is
 * idempotent) — then the rescoring plan: every subject, in batches, onto the `rescore` queue.
 * New years need nothing special: the worker evaluates the live years of today.
 */
export const RESCORE_BATCH = 25;

export class PlanNightlyRun {
  constructor(
    private readonly store: CreditStore,
    private readonly cycleStore: CycleStore,
    private readonly cycles: CycleService,
    private readonly queue: { send(messages: readonly RescoreMessage[]): Promise<void> },
    private readonly clock: Clock,
    private readonly segments = 4,
  ) {}

  async execute(): Promise<{ runId: string; swept: number; subjects: number; messages: number }> {
    const runId = randomUUID();
    let swept = 0;
    for (const target of await this.cycleStore.dueDeadlines(this.clock.now().toISOString())) {
      const r = await this.cycles.fire(target);
      if (r.status === 'applied') swept++;
    }
    const subjects = await listAllSubjects(this.store, this.segments);
    const messages: RescoreMessage[] = chunks(subjects, RESCORE_BATCH).map((batch) => ({ type: 'rescore', runId, subjects: batch }));
    await this.queue.send(messages);
    return { runId, swept, subjects: subjects.length, messages: messages.length };
  }
}
