import type { OfficialCalendarData } from '../../domain/calendar/officialCalendar.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { DeadlineTarget } from './scheduler.ts';
import type { AuditEntry } from './store.ts';

/** Cycles, their deadline index (for the nightly sweep), and loaded official calendars. */
export interface CycleAudit extends Omit<AuditEntry, 'subject'> {
  readonly owner: string;
}

export interface CycleWrite {
  readonly cycle: Cycle;
  /** null: the cycle must not exist yet. */
  readonly expectedVersion: number | null;
  readonly scheduled: readonly DeadlineTarget[];
  readonly unscheduled: readonly Pick<DeadlineTarget, 'owner' | 'deadlineId'>[];
  readonly audit: readonly CycleAudit[];
}

export interface CycleStore {
  getCycle(year: number, kind: CycleKind): Promise<Cycle | null>;
  /** One transaction: the cycle (guarded by its version), its deadline index, its audit. False when a condition failed. */
  writeCycle(write: CycleWrite): Promise<boolean>;
  listCycles(): Promise<Cycle[]>;
  /** Deadlines whose instant is at or before `until`, from the index (the sweep). */
  dueDeadlines(until: string): Promise<DeadlineTarget[]>;
  indexDeadline(target: DeadlineTarget): Promise<void>;
  unindexDeadline(target: Pick<DeadlineTarget, 'owner' | 'deadlineId'>): Promise<void>;
  putCalendar(year: number, data: OfficialCalendarData, audit: CycleAudit): Promise<void>;
  calendars(): Promise<OfficialCalendarData[]>;
  auditOfCycle(owner: string): Promise<CycleAudit[]>;
}

export const cycleOwner = (year: number, kind: CycleKind): string => `CYCLE#${year}#${kind}`;
