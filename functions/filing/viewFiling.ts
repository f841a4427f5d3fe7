import { officialWorkingCalendar, workingDaysAfter } from '../../domain/calendar/workingCalendar.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import {
  type FilingItem,
  type FilingStatus,
  filingStatus,
  statusOfFiling,
  whatToFile,
} from '../../domain/filing/filing.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { type FilingReaders, type ParticipantFiling, participantFiling } from './participantFiling.ts';

/** The participant's filing page: what to file, the deadline and the working days left, its status. */
export interface FilingView extends ParticipantFiling {
  readonly items: readonly FilingItem[];
  /** Null until the window opens. */
  readonly status: FilingStatus | null;
  /** Working days from today to the deadline (negative once passed); null until the window opens. */
  readonly workingDaysLeft: number | null;
}

/** Art 20: a participant's own filing of the year under way; only the participant reads it here. */
export class ViewFiling {
  constructor(
    private readonly readers: FilingReaders & { readonly cycles: Pick<CycleStore, 'getCycle' | 'calendars'> },
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, ref: SubjectRef): Promise<Outcome<FilingView, Unauthorized | Forbidden | NotFound>> {
    const allowed = authorize(caller, 'participant.own', ref);
    if (!allowed.ok) return allowed.refusal;
    const now = this.clock.now();
    const found = await participantFiling(this.readers, ref, now);
    if (!found) return notFound;
    const at = now.toISOString();
    const w = found.window;
    let workingDaysLeft: number | null = null;
    if (w) {
      const cal = officialWorkingCalendar(...(await this.readers.cycles.calendars()));
      const today = legalDateOfInstant(now);
      workingDaysLeft =
        today <= w.closesOn
          ? workingDaysAfter(today, w.closesOn, cal).days
          : -workingDaysAfter(w.closesOn, today, cal).days;
    }
    const status = found.filing ? statusOfFiling(found.filing, at) : w ? filingStatus(w, null, at) : null;
    return ok({ ...found, items: whatToFile(found.entry.kind), status, workingDaysLeft });
  }
}
