import type { OfficialCalendarData } from '../../domain/calendar/officialCalendar.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { CycleRef, DeadlineRef, DeadlineTarget } from './scheduler.ts';
import type { AuditEntry } from './store.ts';

/** Whose audit trail an entry joins: a cycle's, or the official calendars' (I11). */
export type CycleAuditOwner = ({ readonly kind: 'cycle' } & CycleRef) | { readonly kind: 'calendar' };

/** Cycles, their deadline index (for the nightly sweep), and loaded official calendars. */
export interface CycleAudit extends Omit<AuditEntry, 'subject'> {
  readonly owner: CycleAuditOwner;
}

export interface CycleWrite {
  readonly cycle: Cycle;
  /** null: the cycle must not exist yet. */
  readonly expectedVersion: number | null;
  readonly scheduled: readonly DeadlineTarget[];
  readonly unscheduled: readonly DeadlineRef[];
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
  unindexDeadline(target: DeadlineRef): Promise<void>;
  putCalendar(year: number, data: OfficialCalendarData, audit: CycleAudit): Promise<void>;
  calendars(): Promise<OfficialCalendarData[]>;
  auditOfCycle(owner: CycleAuditOwner): Promise<CycleAudit[]>;
}
