import { addWorkingDays, type WorkingCalendar } from '../calendar/workingCalendar.ts';
import type { Cycle, Deadline, Effect } from './cycle.ts';

/**
 * I11: a year's official calendar is published late. Deadlines counted over a year without one were
 * provisional; once it is loaded they are recomputed. Only deadlines counted in working days can
 * move; "by" dates never do.
 */
export interface MovedDeadline {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly provisional: boolean;
}

/** Given deadlines computed before, the ones that move under `cal` (old date → new date). */
export const movedDeadlines = (
  deadlines: readonly Deadline[],
  cal: WorkingCalendar,
): { moved: MovedDeadline[]; updated: Deadline[] } => {
  const moved: MovedDeadline[] = [];
  const updated: Deadline[] = [];
  for (const d of deadlines) {
    if (d.status !== 'scheduled' || !d.provisional || d.basis === null) continue;
    const close = addWorkingDays(d.basis.from, d.basis.workingDays, cal);
    if (close.closesOn === d.on && close.provisional === d.provisional) continue;
    if (close.closesOn !== d.on)
      moved.push({ id: d.id, from: d.on, to: close.closesOn, provisional: close.provisional });
    updated.push({ ...d, on: close.closesOn, at: close.closesAt, provisional: close.provisional });
  }
  return { moved, updated };
};

/** Applies a newly loaded calendar to a cycle: moved deadlines are rescheduled under the same id. */
export const applyCalendar = (
  cycle: Cycle,
  cal: WorkingCalendar,
): { cycle: Cycle; effects: Effect[]; moved: MovedDeadline[] } => {
  const { moved, updated } = movedDeadlines(cycle.deadlines, cal);
  if (updated.length === 0) return { cycle, effects: [], moved };
  const byId = new Map(updated.map((d) => [d.id, d]));
  return {
    cycle: { ...cycle, deadlines: cycle.deadlines.map((d) => byId.get(d.id) ?? d), version: cycle.version + 1 },
    effects: updated.map((deadline) => ({ type: 'scheduleDeadline' as const, deadline })),
    moved,
  };
};
