import { type WorkingCalendar, workingDaysAfter } from '../../domain/calendar/workingCalendar.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import { LEAGUE_CODES, type LeagueCode, REGION_CODE } from '../../domain/identifiers/leagues.ts';
import { disputedRecords, type Objection, reviewDeadlineOf } from '../../domain/objections/objection.ts';
import type { CycleTransitions } from '../cycles/cycleTransitions.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

export interface ListedObjection extends Objection {
  readonly reviewBy: { readonly on: string; readonly article: string; readonly overdue: boolean } | null;
  /** Working days to the review limit: positive ahead, 0 on its last day, negative once overdue. */
  readonly workingDaysLeft: number | null;
}

/** Who reviews an objection: its league's bureau (or the region); an enterprise's in publicity, the region (Art 8). */
const seenBy = (caller: Caller, o: Objection): boolean =>
  authorize(caller, 'objection.review', { league: o.kind === 'publicity' ? REGION_CODE : o.league }).ok;

const left = (today: string, on: string, cal: WorkingCalendar): number =>
  on >= today ? workingDaysAfter(today, on, cal).days : -workingDaysAfter(on, today, cal).days;

/**
 * The console's objections (docs/objections.md): the leagues the caller reviews for (a league bureau
 * its own, the region all), open first with the working days left to their review limit (Art 17(3):
 * 10 working days; Art 18(4): 5), overdue marked; one objection with its disputed records.
 */
export class ListObjections {
  constructor(
    private readonly objections: ObjectionStore,
    private readonly cycles: CycleStore,
    private readonly transitions: Pick<CycleTransitions, 'calendar' | 'today'>,
  ) {}

  async execute(
    caller: Caller,
    league?: string,
  ): Promise<
    Outcome<{ readonly leagues: LeagueCode[]; readonly objections: ListedObjection[] }, Unauthorized | Forbidden>
  > {
    const auth = authorize(caller, 'objection.review');
    if (!auth.ok) return auth.refusal;
    const leagues = LEAGUE_CODES.filter((l) => authorize(caller, 'objection.review', { league: l }).ok).filter(
      (l) => !league || l === league,
    );
    const all = (await Promise.all(leagues.map((l) => this.objections.objectionsOf(l))))
      .flat()
      .filter((o) => seenBy(caller, o));
    const listed = await this.withLimits(all);
    listed.sort((a, b) =>
      a.status !== b.status ? (a.status === 'open' ? -1 : 1) : a.filedAt.localeCompare(b.filedAt),
    );
    return ok({ leagues, objections: listed });
  }

  /** The records under an open objection of a subject, and whether its pre-grade is disputed. */
  async disputedOf(
    caller: Caller,
    subject: SubjectRef,
  ): Promise<{ readonly records: ReadonlySet<string>; readonly preGrade: boolean }> {
    const open = (await this.objections.objectionsOfSubject(subject)).filter(
      (o) => o.status === 'open' && seenBy(caller, o),
    );
    return { records: disputedRecords(open), preGrade: open.some((o) => o.preGrade) };
  }

  async withLimits(objections: readonly Objection[]): Promise<ListedObjection[]> {
    const cal = await this.transitions.calendar();
    const today = this.transitions.today();
    const cycles = new Map<string, Cycle | null>();
    const out: ListedObjection[] = [];
    for (const o of objections) {
      const key = `${o.cycle.year}#${o.cycle.kind}`;
      if (!cycles.has(key)) cycles.set(key, await this.cycles.getCycle(o.cycle.year, o.cycle.kind));
      const cycle = cycles.get(key);
      const reviewBy = cycle ? reviewDeadlineOf(cycle, o) : null;
      out.push({
        ...o,
        reviewBy,
        workingDaysLeft: reviewBy && o.status === 'open' ? left(today, reviewBy.on, cal) : null,
      });
    }
    return out;
  }
}
