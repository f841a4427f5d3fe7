import type { WorkingCalendar } from '../../../../domain/calendar/workingCalendar.ts';
import { SUBJECT_KINDS, type SubjectKind } from '../../../../domain/catalogue/kinds.ts';
import type { Cycle } from '../../../../domain/cycles/cycle.ts';
import { CYCLES, type CycleKind, deadlineId, type StageName } from '../../../../domain/cycles/definitions.ts';
import { planFrom } from '../../../../domain/cycles/plan.ts';
import { type LegalDate, yearOf } from '../../../../domain/dates.ts';
import type { LeagueCode } from '../../../../domain/identifiers/leagues.ts';
import type { CycleTransitions } from '../../../cycles/cycleTransitions.ts';
import type { SubjectListing } from '../../../ports/consoleLists.ts';
import type { CycleStore } from '../../../ports/cycleStore.ts';
import type { Caller } from '../../../shared/auth.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';
import { leaguesInScope, workingDaysLeft } from './scope.ts';

/** One league's place in a cycle: stages done of all stages, and the stage it is in. */
export interface LeagueProgress {
  readonly league: LeagueCode;
  readonly done: number;
  readonly of: number;
  readonly stage: StageName | null;
  /** The league has finished its own stages and waits for the others (the region's stages not begun). */
  readonly waiting: boolean;
  /** The stage is the region's (the league has reported and the region's stages have begun). */
  readonly regionStage: boolean;
  readonly finished: boolean;
  readonly overdue: boolean;
}

export interface UpcomingDeadline {
  readonly id: string;
  readonly stage: StageName | 'OBJECTION';
  readonly league: LeagueCode | null;
  readonly type: 'fixed' | 'window';
  readonly on: LegalDate;
  readonly article: string;
  readonly provisional: boolean;
  readonly workingDaysLeft: number;
}

export interface OverdueItem {
  readonly id: string;
  readonly league: LeagueCode | null;
  readonly stage: StageName | 'OBJECTION';
  readonly limitOn: LegalDate;
  readonly article: string;
  readonly overdueByWorkingDays: number;
}

/** A fixed date the planned sequence of windows overruns (docs/legal-clock.md "Feasibility"). */
export interface AtRiskDate {
  readonly league: LeagueCode | null;
  readonly stage: StageName;
  readonly on: LegalDate;
  readonly plannedOn: LegalDate | null;
  readonly atRiskBy: number;
  readonly article: string;
}

export interface DashboardCycle {
  readonly kind: CycleKind;
  readonly year: number;
  readonly progress: readonly LeagueProgress[];
  readonly deadlines: readonly UpcomingDeadline[];
  readonly alerts: readonly OverdueItem[];
  readonly atRisk: readonly AtRiskDate[];
}

export interface GradeRow {
  readonly league: LeagueCode | null;
  readonly counts: Readonly<Record<string, number>>;
}

export interface Dashboard {
  readonly today: LegalDate;
  readonly cycles: readonly DashboardCycle[];
  /** The live results of `year` by grade: per kind, one row per league in the caller's jurisdiction. */
  readonly grades: {
    readonly year: number;
    readonly byKind: readonly { readonly kind: SubjectKind; readonly rows: readonly GradeRow[] }[];
  };
  /** May the caller open a cycle (Art 8: the region)? */
  readonly mayOpen: boolean;
  /** May the caller load an official calendar (the region)? */
  readonly mayLoadCalendar: boolean;
}

/** How many upcoming deadlines a cycle lists. */
const UPCOMING = 6;

const isFinished = (c: Cycle): boolean => c.region !== null && CYCLES[c.kind][c.region.stageIndex]?.final === true;

/**
 * The bureau's dashboard (Art 8, 16-18): each open cycle with the stage of every league in the
 * caller's jurisdiction, the next deadlines with working days left, overdue alerts and the fixed
 * dates at risk; and the grade distribution of the jurisdiction's live results.
 */
export class ReadDashboard {
  constructor(
    private readonly cycles: Pick<CycleStore, 'listCycles'>,
    private readonly transitions: Pick<CycleTransitions, 'calendar' | 'today'>,
    private readonly grades: Pick<SubjectListing, 'gradesOf'>,
  ) {}

  async execute(caller: Caller, gradeYear?: number): Promise<Outcome<Dashboard, Unauthorized | Forbidden>> {
    const may = authorize(caller, 'cycle.read');
    if (!may.ok) return may.refusal;
    const scope = leaguesInScope(caller);
    const today = this.transitions.today();
    const cal = await this.transitions.calendar();
    const open = (await this.cycles.listCycles())
      .filter((c) => !isFinished(c))
      .sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind));
    const year = gradeYear ?? yearOf(today);
    const tallies = await Promise.all(scope.map(async (league) => tally(await this.grades.gradesOf(year, league))));
    return ok({
      today,
      cycles: open.map((c) => dashboardCycle(c, scope, today, cal)),
      grades: {
        year,
        byKind: SUBJECT_KINDS.filter((k) => k !== 'practitioner').map((kind) => ({
          kind,
          rows: scope.map((league, i) => ({ league, counts: tallies[i]![kind] })),
        })),
      },
      mayOpen: authorize(caller, 'cycle.open').ok,
      mayLoadCalendar: authorize(caller, 'calendar.load').ok,
    });
  }
}

/** Live grades by `kind:id` counted per kind and grade. */
const tally = (grades: ReadonlyMap<string, string>): Record<SubjectKind, Record<string, number>> => {
  const out = Object.fromEntries(SUBJECT_KINDS.map((k) => [k, {}])) as Record<SubjectKind, Record<string, number>>;
  for (const [ref, grade] of grades) {
    const counts = out[ref.slice(0, ref.indexOf(':')) as SubjectKind];
    if (counts) counts[grade] = (counts[grade] ?? 0) + 1;
  }
  return out;
};

const dashboardCycle = (c: Cycle, scope: readonly LeagueCode[], today: LegalDate, cal: WorkingCalendar) => {
  const stages = CYCLES[c.kind];
  const last = stages.length - 1;
  const mine = (league: LeagueCode | null) => league === null || scope.includes(league);
  const openAlerts = c.alerts.filter((a) => a.status === 'open' && mine(a.league));
  const progress = scope
    .filter((league) => c.leagues[league])
    .map((league): LeagueProgress => {
      const own = c.leagues[league]!.stageIndex;
      const inRegion = stages[own]?.scope === 'region';
      const index = inRegion ? (c.region?.stageIndex ?? own) : own;
      return {
        league,
        done: Math.min(index, last),
        of: last,
        stage: stages[index]?.stage ?? null,
        waiting: inRegion && c.region === null,
        regionStage: inRegion && c.region !== null,
        finished: index >= last,
        overdue: openAlerts.some((a) => a.league === league || (inRegion && a.league === null)),
      };
    });
  const deadlines = c.deadlines
    .filter((d) => d.status === 'scheduled' && mine(d.league))
    .sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id))
    .slice(0, UPCOMING)
    .map((d) => ({
      id: d.id,
      stage: d.stage,
      league: d.league,
      type: d.type,
      on: d.on,
      article: d.article,
      provisional: d.provisional,
      workingDaysLeft: workingDaysLeft(today, d.on, cal),
    }));
  const alerts = openAlerts.map((a) => ({
    id: a.id,
    league: a.league,
    stage: a.stage,
    limitOn: a.limitOn,
    article: a.article,
    overdueByWorkingDays: Math.max(0, -workingDaysLeft(today, a.limitOn, cal)),
  }));
  return { kind: c.kind, year: c.year, progress, deadlines, alerts, atRisk: atRiskDates(c, scope, today, cal) };
};

/**
 * The fixed dates still to be met that the rest of the cycle, planned from where each track stands
 * (an open window from its closing date), would overrun (docs/legal-clock.md "Feasibility").
 */
const atRiskDates = (c: Cycle, scope: readonly LeagueCode[], today: LegalDate, cal: WorkingCalendar): AtRiskDate[] => {
  const stages = CYCLES[c.kind];
  const found = new Map<string, AtRiskDate>();
  const tracks: [LeagueCode | null, NonNullable<Cycle['region']>][] = [
    ...scope.filter((l) => c.leagues[l]).map((l) => [l, c.leagues[l]!] as [LeagueCode, NonNullable<Cycle['region']>]),
    ...(c.region ? [[null, c.region] as [null, NonNullable<Cycle['region']>]] : []),
  ];
  for (const [league, track] of tracks) {
    const def = stages[track.stageIndex];
    if (!def || def.final || (league !== null && def.scope === 'region')) continue;
    const running = c.deadlines.find(
      (d) => d.status === 'scheduled' && d.id === deadlineId(def.stage, 'end', league ?? undefined) && d.basis !== null,
    );
    const plan = planFrom(c.kind, c.year, cal, track.stageIndex, running?.on ?? today, running !== undefined);
    for (const p of plan) {
      if (p.type !== 'fixed' || p.atRiskBy <= 0) continue;
      const scopeOf = stages.find((s) => s.stage === p.stage)?.scope === 'league' ? league : null;
      const id = `${p.id}${scopeOf ? `@${scopeOf}` : ''}`;
      if (c.deadlines.find((d) => d.id === id)?.status !== 'scheduled') continue;
      const before = found.get(id);
      if (!before || before.atRiskBy < p.atRiskBy)
        found.set(id, {
          league: scopeOf,
          stage: p.stage,
          on: p.on,
          plannedOn: p.plannedOn ?? null,
          atRiskBy: p.atRiskBy,
          article: p.article,
        });
    }
  }
  return [...found.values()].sort((a, b) => a.on.localeCompare(b.on));
};
