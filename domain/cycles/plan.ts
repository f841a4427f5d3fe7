import { addWorkingDays, type WorkingCalendar, workingDaysAfter } from '../calendar/workingCalendar.ts';
import { formatDate, type LegalDate } from '../dates.ts';
import { CYCLES, type CycleKind, deadlineId, type FixedLimit, type StageName } from './definitions.ts';

/**
 * The planned deadlines of a cycle (docs/api.md §5 `cycle plan`), assuming each window opens as soon as
 * the previous one allows and takes its full legal length, and every act is done the day it can be.
 * Fixed dates are shown with `atRiskBy`: the working days by which the planned sequence overruns
 * them (docs/timeline.md "Feasibility") — shown, never "fixed" by shortening a window.
 */
export interface PlannedDeadline {
  readonly id: string;
  readonly stage: StageName;
  /** For a fixed limit, the legal date; for a window, the planned closing date. */
  readonly on: LegalDate;
  readonly type: 'fixed' | 'window';
  readonly article: string;
  readonly provisional: boolean;
  readonly atRiskBy: number;
  /** For a fixed limit: when the planned sequence reaches it. */
  readonly plannedOn?: LegalDate;
}

export interface CyclePlan {
  readonly kind: CycleKind;
  readonly year: number;
  readonly notice: LegalDate;
  readonly deadlines: PlannedDeadline[];
}

export const fixedLimitDate = (limit: FixedLimit, evaluationYear: number): LegalDate =>
  formatDate(evaluationYear + 1, limit.month, limit.day);

/**
 * Plans from `start`: the date the first step is taken (the list confirmed and participants
 * notified). Without a notice date, the first step is taken on its own fixed date.
 */
export const planCycle = (kind: CycleKind, year: number, cal: WorkingCalendar, notice?: LegalDate): CyclePlan => {
  const first = CYCLES[kind][0]!;
  const start = notice ?? fixedLimitDate(first.limit as FixedLimit, year);
  return { kind, year, notice: start, deadlines: planFrom(kind, year, cal, 0, start, false) };
};

/**
 * The rest of a cycle planned from stage `fromIndex` on `cursor`. With `windowOpen`, that stage's
 * window is already open and `cursor` is its closing date (used when a window opens or moves, to
 * show what is at risk).
 */
export const planFrom = (
  kind: CycleKind,
  year: number,
  cal: WorkingCalendar,
  fromIndex: number,
  cursor: LegalDate,
  windowOpen: boolean,
): PlannedDeadline[] => {
  const deadlines: PlannedDeadline[] = [];
  const fixedDeadline = (stage: StageName, limit: FixedLimit, reachedOn: LegalDate) => {
    const on = fixedLimitDate(limit, year);
    const risk = workingDaysAfter(on, reachedOn, cal);
    deadlines.push({
      id: deadlineId(stage, limit.mode),
      stage,
      on,
      type: 'fixed',
      article: limit.article,
      provisional: risk.provisional,
      atRiskBy: risk.days,
      plannedOn: reachedOn,
    });
  };
  const windowDeadline = (id: string, stage: StageName, days: number, article: string) => {
    const close = addWorkingDays(cursor, days, cal);
    deadlines.push({
      id,
      stage,
      on: close.closesOn,
      type: 'window',
      article,
      provisional: close.provisional,
      atRiskBy: 0,
    });
    cursor = close.closesOn;
  };
  CYCLES[kind].slice(fromIndex).forEach((s, i) => {
    const opened = windowOpen && i === 0;
    if (!opened && s.limit?.type === 'fixed' && s.limit.mode === 'start') fixedDeadline(s.stage, s.limit, cursor);
    if (!opened && s.limit?.type === 'afterPrevious')
      windowDeadline(deadlineId(s.stage, 'end'), s.stage, s.limit.workingDays, s.limit.article);
    if (!opened && s.ends?.by === 'window')
      windowDeadline(deadlineId(s.stage, 'end'), s.stage, s.ends.workingDays, s.ends.article);
    // An objection received on the window's last day is reviewed within its own working days.
    if (s.objections)
      windowDeadline(deadlineId('OBJECTION', 'review'), s.stage, s.objections.reviewWorkingDays, s.objections.article);
    if (s.limit?.type === 'fixed' && s.limit.mode === 'end') fixedDeadline(s.stage, s.limit, cursor);
  });
  return deadlines;
};
