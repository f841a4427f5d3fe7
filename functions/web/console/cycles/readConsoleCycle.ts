import { type Effect, transition } from '../../../../domain/cycles/cycle.ts';
import { ACT_ROLES, ACTS, type Act, type CycleKind, type StageName } from '../../../../domain/cycles/definitions.ts';
import type { LegalDate } from '../../../../domain/dates.ts';
import type { LeagueCode } from '../../../../domain/identifiers/leagues.ts';
import type { CycleTransitions } from '../../../cycles/cycleTransitions.ts';
import type { CycleView } from '../../../cycles/cycleView.ts';
import type { ReadCycle } from '../../../cycles/readCycle.ts';
import type { CycleStore } from '../../../ports/cycleStore.ts';
import type { Caller } from '../../../shared/auth.ts';
import {
  type Forbidden,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';
import { leaguesInScope, workingDaysLeft } from './scope.ts';

/** A deadline an act would start: its stage, date and kind (a window closes by itself; a limit alerts). */
export interface StartedDeadline {
  readonly stage: StageName | 'OBJECTION';
  readonly on: LegalDate;
  readonly type: 'fixed' | 'window';
  readonly article: string;
  readonly provisional: boolean;
}

/**
 * An act the caller may record now: one the rules would accept in the track's current stage, with
 * what it would do (the stage it moves to) and the deadlines it would start — worked out by the
 * domain's own transition on the cycle as it is, never stored.
 */
export interface ActOffer {
  readonly act: Act;
  readonly league: LeagueCode | null;
  /** An objection's case number: given for a review; asked for when an objection is received. */
  readonly caseId: string | null;
  readonly asksCaseId: boolean;
  readonly stageChange: {
    readonly from: StageName | null;
    readonly to: StageName;
    readonly league: LeagueCode | null;
  } | null;
  readonly starts: readonly StartedDeadline[];
}

export interface ConsoleCycle {
  readonly today: LegalDate;
  /** The cycle as the API shows it, narrowed to the caller's leagues (and the region's stages). */
  readonly view: CycleView;
  /** Working days left before each listed deadline (negative: overdue). */
  readonly workingDaysLeft: Readonly<Record<string, number>>;
  readonly offers: readonly ActOffer[];
}

/** A stand-in case number: whether an objection could be received now is asked with it, never stored. */
const PROBE_CASE = 'probe';

/**
 * A cycle in the bureau console (`/console/cycles/{year}/{kind}`): what ReadCycle shows, for the
 * leagues in the caller's jurisdiction, and the acts the caller may record (Art 8, 16-18).
 */
export class ReadConsoleCycle {
  constructor(
    private readonly readCycle: Pick<ReadCycle, 'execute'>,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly transitions: Pick<CycleTransitions, 'calendar' | 'today' | 'now'>,
  ) {}

  async execute(
    caller: Caller,
    year: number,
    kind: CycleKind,
  ): Promise<Outcome<ConsoleCycle, Unauthorized | Forbidden | NotFound>> {
    const may = authorize(caller, 'cycle.read');
    if (!may.ok) return may.refusal;
    const read = await this.readCycle.execute(year, kind);
    const cycle = await this.cycles.getCycle(year, kind);
    if (read.status !== 'ok' || !cycle) return notFound;
    const scope = leaguesInScope(caller);
    const mine = (league: string | null) => league === null || (scope as string[]).includes(league);
    const all = read.value;
    const view: CycleView = {
      ...all,
      leagues: all.leagues.filter((l) => mine(l.league)),
      deadlines: all.deadlines.filter((d) => mine(d.league)),
      alerts: all.alerts.filter((a) => mine(a.responsible === '150000' ? null : a.responsible)),
      objections: all.objections.filter((o) => mine(o.league)),
    };
    const cal = await this.transitions.calendar();
    const today = this.transitions.today();
    const now = this.transitions.now();
    const left = Object.fromEntries(view.deadlines.map((d) => [d.id, workingDaysLeft(today, d.on, cal)]));
    const offers: ActOffer[] = [];
    const tracks: (LeagueCode | null)[] = [...scope.filter((l) => cycle.leagues[l]), null];
    for (const league of tracks)
      for (const act of ACTS) {
        if ((ACT_ROLES[act] === 'league') !== (league !== null)) continue;
        if (!authorize(caller, 'cycle.act', { act, ...(league ? { league } : {}) }).ok) continue;
        const cases =
          act === 'objectionReviewed'
            ? cycle.objections.filter((o) => o.league === league && o.status === 'open').map((o) => o.caseId)
            : act === 'objectionReceived'
              ? [PROBE_CASE]
              : [null];
        for (const caseId of cases) {
          const r = transition(
            cycle,
            { type: 'act', act, ...(league ? { league } : {}), ...(caseId ? { caseId } : {}) },
            now,
            cal,
          );
          if (!r.ok) continue;
          offers.push({
            act,
            league,
            caseId: caseId === PROBE_CASE ? null : caseId,
            asksCaseId: caseId === PROBE_CASE,
            stageChange: stageChangeOf(r.effects),
            starts: r.effects.flatMap((e) =>
              e.type === 'scheduleDeadline'
                ? [
                    {
                      stage: e.deadline.stage,
                      on: e.deadline.on,
                      type: e.deadline.type,
                      article: e.deadline.article,
                      provisional: e.deadline.provisional,
                    },
                  ]
                : [],
            ),
          });
        }
      }
    return ok({ today, view, workingDaysLeft: left, offers });
  }
}

/** The stage the act moves its track to (a league's last stage hands over to the region: the region's entry). */
const stageChangeOf = (effects: readonly Effect[]): ActOffer['stageChange'] => {
  const changes = effects.filter((e) => e.type === 'stageChanged');
  const own = changes.find((e) => e.league !== null) ?? changes[0];
  return own ? { from: own.from, to: own.to, league: own.league } : null;
};
