/**
 * One-time schedules for legal deadlines (ARCHITECTURE.md "deadlines"). On AWS: EventBridge
 * Scheduler `at(...)` in Asia/Shanghai; locally: due deadlines fired from the table by a clock.
 */
export interface DeadlineTarget {
  /** What the deadline handler receives. */
  readonly kind: 'cycle' | 'warning' | 'repair';
  /** `CYCLE#<year>#<kind>` or the subject key. */
  readonly owner: string;
  readonly deadlineId: string;
  /** The instant the deadline is due (ISO UTC); a delivery for another instant is stale. */
  readonly at: string;
}

export interface Scheduler {
  /** Creates the schedule, or updates it when one of that deadline already exists (idempotent). */
  schedule(target: DeadlineTarget): Promise<void>;
  /** Deletes the schedule; one already gone is fine. */
  cancel(target: Pick<DeadlineTarget, 'owner' | 'deadlineId'>): Promise<void>;
}

export class SchedulerError extends Error {
  override readonly name = 'SchedulerError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
