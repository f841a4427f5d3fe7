import { officialWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { type Cycle, type Effect, transition } from '../../domain/cycles/cycle.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import type { CycleAudit, CycleStore } from '../ports/cycleStore.ts';
import { cycleOwner, type DeadlineRef, type DeadlineTarget, type Scheduler } from '../ports/scheduler.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError } from '../shared/errors.ts';

/** Optimistic-locking attempts before a use case gives up (the cycle kept changing meanwhile). */
export const MAX_ATTEMPTS = 5;

export type FireOutcome = { readonly status: 'applied' | 'ignored'; readonly reason?: string };

/**
 * What every cycle use case shares: the domain decides each transition; this persists its effects —
 * the cycle, its deadline index and audit entries in one transaction — and then creates or deletes
 * the schedules. A schedule lost after the commit is caught by the nightly sweep (the index).
 */
export class CycleTransitions {
  constructor(
    private readonly cycles: CycleStore,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  today(): string {
    return legalDateOfInstant(this.clock.now());
  }

  /** The built-in official calendars with those loaded since (I11). */
  async calendar(): Promise<WorkingCalendar> {
    return officialWorkingCalendar(...(await this.cycles.calendars()));
  }

  /** Persists a transition's result and applies its schedule effects. False: the cycle changed meanwhile. */
  async commit(
    before: Cycle | null,
    after: Cycle,
    effects: readonly Effect[],
    actor: string,
    action: string,
    why: string | null,
  ): Promise<boolean> {
    const owner = cycleOwner({ year: after.year, cycleKind: after.kind });
    const at = this.now();
    const scheduled: (DeadlineTarget & { readonly kind: 'cycle' })[] = [];
    const cancelled: DeadlineRef[] = [];
    const audit: CycleAudit[] = [{ owner, at, actor, action, what: { version: after.version }, why }];
    const system = (action: string, what: Record<string, unknown>): void =>
      void audit.push({ owner, at, actor: 'system', action, what, why: null });
    for (const e of effects) {
      if (e.type === 'scheduleDeadline')
        scheduled.push({ kind: 'cycle', owner, deadlineId: e.deadline.id, at: e.deadline.at });
      else if (e.type === 'cancelDeadline') cancelled.push({ kind: 'cycle', owner, deadlineId: e.deadlineId });
      else if (e.type === 'stageChanged') system('stage.changed', { league: e.league, from: e.from, to: e.to });
      else if (e.type === 'overdueAlert')
        system('alert.raised', { ...e.alert, overdueByWorkingDays: e.overdueByWorkingDays });
      else if (e.type === 'alertResolved') system('alert.resolved', { alertId: e.alertId });
      else if (e.type === 'notice') system('notice', { ...e.notice });
      else if (e.type === 'atRisk')
        system('feasibility.at-risk', {
          league: e.league,
          deadlines: e.deadlines.map((d) => ({ id: d.id, on: d.on, atRiskBy: d.atRiskBy })),
        });
    }
    // Deadlines that fired leave the index too.
    for (const d of after.deadlines)
      if (d.status === 'fired' && before?.deadlines.find((x) => x.id === d.id)?.status === 'scheduled')
        cancelled.push({ kind: 'cycle', owner, deadlineId: d.id });
    const ok = await this.cycles.writeCycle({
      cycle: after,
      expectedVersion: before?.version ?? null,
      scheduled,
      unscheduled: cancelled,
      audit,
    });
    if (!ok) return false;
    // A deadline already due (a cycle opened late, a window computed into the past) is not given to
    // the scheduler — a one-time schedule in the past may be refused — but fired at once. Its index
    // entry stays until it has fired, so the nightly sweep covers a failure here.
    const now = this.clock.now().getTime();
    const dueNow = scheduled.filter((s) => Date.parse(s.at) <= now).sort((a, b) => a.at.localeCompare(b.at));
    for (const s of scheduled) if (Date.parse(s.at) > now) await this.scheduler.schedule(s);
    for (const c of cancelled) await this.scheduler.cancel(c);
    for (const s of dueNow) await this.fireCycleDeadline(s);
    return true;
  }

  /**
   * A cycle's deadline, applied only if it is still due and unchanged: delivered twice, late or
   * after a cancel it changes nothing.
   */
  async fireCycleDeadline(target: DeadlineTarget & { readonly kind: 'cycle' }): Promise<FireOutcome> {
    const { year, cycleKind } = target.owner;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cycle = await this.cycles.getCycle(year, cycleKind);
      if (!cycle) return { status: 'ignored', reason: 'no such cycle' };
      const r = transition(
        cycle,
        { type: 'deadline', deadlineId: target.deadlineId, at: target.at },
        this.now(),
        await this.calendar(),
      );
      if (!r.ok) {
        // A settled or unknown deadline leaves the index. A stale one (rescheduled to another instant)
        // keeps its index entry, which already holds the new instant; one not yet due stays too.
        if (
          r.refusal.code === 'DEADLINE_NOT_SCHEDULED' ||
          r.refusal.code === 'UNKNOWN_DEADLINE' ||
          r.refusal.code === 'WRONG_STAGE'
        )
          await this.cycles.unindexDeadline(target);
        return { status: 'ignored', reason: r.refusal.code };
      }
      if (await this.commit(cycle, r.cycle, r.effects, 'system:deadline', 'deadline.fired', target.deadlineId))
        return { status: 'applied' };
    }
    throw new ConcurrentUpdateError(`cycle ${year} ${cycleKind} kept changing while firing ${target.deadlineId}`);
  }
}
