import { parseOfficialCalendar } from '../../domain/calendar/officialCalendar.ts';
import { applyCalendar, type MovedDeadline } from '../../domain/cycles/calendarReload.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { StaffClaims } from '../ports/identity.ts';
import { actorOf } from '../shared/auth.ts';
import { type Invalid, invalid, type Outcome, ok } from '../shared/errors.ts';
import type { LoadCalendarRequest } from './contracts.ts';
import { type CycleTransitions, MAX_ATTEMPTS } from './cycleTransitions.ts';

export interface CalendarLoaded {
  readonly year: number;
  readonly moved: readonly (MovedDeadline & { readonly cycle: string })[];
}

/** A cycle as the calendar response names it (`CYCLE#<year>#<kind>`, docs/api.md): a name in the API, not a storage key. */
const responseName = (c: Pick<Cycle, 'year' | 'kind'>): string => `CYCLE#${c.year}#${c.kind}`;

/**
 * `PUT /v1/calendars/{year}` (the region): a year's official arrangement of holidays is loaded
 * (I11); every cycle's provisional deadlines are recomputed and their schedules moved.
 */
export class LoadCalendar {
  constructor(
    private readonly cycles: CycleStore,
    private readonly transitions: CycleTransitions,
  ) {}

  async execute(
    claims: StaffClaims,
    year: number,
    body: LoadCalendarRequest,
  ): Promise<Outcome<CalendarLoaded, Invalid>> {
    const parsed = parseOfficialCalendar('years' in body ? body : { years: { [String(year)]: body } });
    if (!parsed.ok) return invalid(parsed.issues);
    const years = Object.keys(parsed.value.years);
    if (years.length !== 1 || years[0] !== String(year))
      return invalid([{ path: 'years', message: `只能载入 ${year} 年的节假日安排` }]);
    const actor = actorOf(claims);
    await this.cycles.putCalendar(year, parsed.value, {
      owner: { kind: 'calendar' },
      at: this.transitions.now(),
      actor,
      action: 'calendar.loaded',
      what: { year },
      why: null,
    });
    const cal = await this.transitions.calendar();
    const moved: (MovedDeadline & { cycle: string })[] = [];
    for (const listed of await this.cycles.listCycles()) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const cycle = (await this.cycles.getCycle(listed.year, listed.kind))!;
        const r = applyCalendar(cycle, cal);
        if (r.effects.length === 0) break;
        if (await this.transitions.commit(cycle, r.cycle, r.effects, actor, 'calendar.applied', `${year}`)) {
          moved.push(...r.moved.map((m) => ({ ...m, cycle: responseName(cycle) })));
          break;
        }
      }
    }
    return ok({ year, moved });
  }
}
