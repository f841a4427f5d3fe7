import { BUILT_IN_CALENDAR, type OfficialCalendarData } from '../../../../domain/calendar/officialCalendar.ts';
import type { CycleStore } from '../../../ports/cycleStore.ts';
import type { Caller } from '../../../shared/auth.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';

/** One year's official arrangement of holidays (I11): built in, or loaded since (the latest load wins). */
export interface CalendarYear {
  readonly year: number;
  readonly source: 'builtIn' | 'loaded';
  readonly holidays: readonly { readonly date: string; readonly name: string }[];
  readonly workdays: readonly { readonly date: string; readonly name: string }[];
  /** The last load of this year: when and by whom (from the calendars' audit trail). */
  readonly loadedAt: string | null;
  readonly loadedBy: string | null;
}

export interface CalendarList {
  readonly years: readonly CalendarYear[];
  /** May the caller load a year's calendar (the region)? */
  readonly mayLoad: boolean;
}

/** The official calendars the working days are counted on (I11): built in and loaded, newest year first. */
export class ListCalendars {
  constructor(private readonly cycles: Pick<CycleStore, 'calendars' | 'auditOfCycle'>) {}

  async execute(caller: Caller): Promise<Outcome<CalendarList, Unauthorized | Forbidden>> {
    const may = authorize(caller, 'cycle.read');
    if (!may.ok) return may.refusal;
    const years = new Map<number, CalendarYear>();
    const add = (data: OfficialCalendarData, source: CalendarYear['source']) => {
      for (const [y, arrangement] of Object.entries(data.years))
        years.set(Number(y), {
          year: Number(y),
          source,
          holidays: arrangement.holidays,
          workdays: arrangement.workdays,
          loadedAt: null,
          loadedBy: null,
        });
    };
    add(BUILT_IN_CALENDAR, 'builtIn');
    for (const loaded of await this.cycles.calendars()) add(loaded, 'loaded');
    for (const entry of await this.cycles.auditOfCycle({ kind: 'calendar' })) {
      const year = Number((entry.what as { year?: unknown }).year);
      const known = years.get(year);
      if (entry.action === 'calendar.loaded' && known && (known.loadedAt ?? '') <= entry.at)
        years.set(year, { ...known, loadedAt: entry.at, loadedBy: entry.actor });
    }
    return ok({
      years: [...years.values()].sort((a, b) => b.year - a.year),
      mayLoad: authorize(caller, 'calendar.load').ok,
    });
  }
}
