import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { SubjectRef } from './store.ts';

/** A cycle of evaluation (Art 16–18): the evaluation year and the kind of subject it evaluates. */
export interface CycleRef {
  readonly year: number;
  readonly cycleKind: CycleKind;
}

/** Whose deadline it is: a cycle's (its windows), or a subject's (a credit warning, a repair application). */
export type DeadlineOwner =
  | ({ readonly kind: 'cycle' } & CycleRef)
  | { readonly kind: 'subject'; readonly subject: SubjectRef };

/**
 * A deadline, without its instant. `deadlineId` is the cycle's deadline id (e.g. `LISTING.end@150100`),
 * the warned record's event id (Art 22), or the repair application's id (Art 23).
 */
export type DeadlineRef =
  | { readonly kind: 'cycle'; readonly owner: { readonly kind: 'cycle' } & CycleRef; readonly deadlineId: string }
  | {
      readonly kind: 'warning';
      readonly owner: { readonly kind: 'subject'; readonly subject: SubjectRef };
      readonly deadlineId: string;
    }
  | {
      readonly kind: 'repair';
      readonly owner: { readonly kind: 'subject'; readonly subject: SubjectRef };
      readonly deadlineId: string;
    };

/** What the deadline handler receives: the deadline and the instant it is due (ISO UTC); a delivery for another instant is stale. */
export type DeadlineTarget = DeadlineRef & { readonly at: string };

export const cycleOwner = (cycle: CycleRef): DeadlineOwner & { readonly kind: 'cycle' } => ({
  kind: 'cycle',
  year: cycle.year,
  cycleKind: cycle.cycleKind,
});
export const subjectOwner = (subject: SubjectRef): DeadlineOwner & { readonly kind: 'subject' } => ({
  kind: 'subject',
  subject: { kind: subject.kind, id: subject.id },
});
export const sameOwner = (a: DeadlineOwner, b: DeadlineOwner): boolean =>
  a.kind === 'cycle'
    ? b.kind === 'cycle' && a.year === b.year && a.cycleKind === b.cycleKind
    : b.kind === 'subject' && a.subject.kind === b.subject.kind && a.subject.id === b.subject.id;
/** Two deadlines are the same when their kinds, owners and ids are. */
export const sameDeadline = (a: DeadlineRef, b: DeadlineRef): boolean =>
  a.kind === b.kind && a.deadlineId === b.deadlineId && sameOwner(a.owner, b.owner);

/**
 * One-time schedules for legal deadlines (docs/legal-clock.md "Deadlines on AWS and locally"). On AWS: EventBridge
 * Scheduler `at(...)` in Asia/Shanghai; locally: due deadlines fired from the table by a clock.
 */
export interface Scheduler {
  /** Creates the schedule, or updates it when one of that deadline already exists (idempotent). */
  schedule(target: DeadlineTarget): Promise<void>;
  /** Deletes the schedule; one already gone is fine. */
  cancel(target: DeadlineRef): Promise<void>;
}

export class SchedulerError extends EcocreditError {
  override readonly name = 'SchedulerError';
}
