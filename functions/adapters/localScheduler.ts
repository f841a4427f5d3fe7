import type { DeadlineRef, DeadlineTarget, Scheduler } from '../ports/scheduler.ts';
import { type DeadlineWire, deadlineRefWire, deadlineWire } from './keys.ts';

/**
 * The local peer of EventBridge Scheduler: it keeps its own one-time schedules and fires those due
 * at the (movable) clock's time, deleting each after it fires (ActionAfterCompletion DELETE).
 * Like the real one, it can lose a schedule (`forget`), which the nightly sweep must catch.
 */
export class LocalScheduler implements Scheduler {
  private readonly schedules = new Map<string, DeadlineTarget>();

  private static key(d: DeadlineRef): string {
    const w = deadlineRefWire(d);
    return `${w.owner}|${w.deadlineId}`;
  }

  async schedule(target: DeadlineTarget): Promise<void> {
    this.schedules.set(LocalScheduler.key(target), target);
  }

  async cancel(target: DeadlineRef): Promise<void> {
    this.schedules.delete(LocalScheduler.key(target));
  }

  /**
   * Fires every schedule due at `now` (in due order) through `fire`, with the input EventBridge
   * Scheduler would deliver (the deadline's wire form); returns how many fired.
   */
  async tick(now: Date, fire: (input: DeadlineWire) => Promise<void>): Promise<number> {
    const due = [...this.schedules.values()]
      .filter((t) => Date.parse(t.at) <= now.getTime())
      .sort((a, b) => a.at.localeCompare(b.at));
    for (const t of due) {
      this.schedules.delete(LocalScheduler.key(t));
      await fire(deadlineWire(t));
    }
    return due.length;
  }

  pending(): DeadlineTarget[] {
    return [...this.schedules.values()];
  }

  /** Test seam: the schedule disappears as if EventBridge had lost it. */
  forget(target: DeadlineRef): void {
    this.schedules.delete(LocalScheduler.key(target));
  }
}
