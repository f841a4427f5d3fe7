import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { Act, CycleKind } from '../../domain/cycles/definitions.ts';
import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { finalResultsPendingRefusal, reviewConfirmedRefusal, undecidedCount } from '../../domain/review/reviewItems.ts';
import type { GateRefusal, ReportGate } from '../reports/reportGate.ts';
import type { Clock } from '../shared/clock.ts';
import { type ReviewSourcePorts, reviewState } from './reviewSources.ts';

/** Freezes a year's final results on a day (planned through the rescore queue); how many subjects. */
export type FreezeYear = (kind: CycleKind, year: number, on: LegalDate) => Promise<number>;

/**
 * How far the freeze of a year's final results has come: how many listed participants should have
 * one, how many have one, and the day they were evaluated on (null while none is frozen).
 */
export type FreezeProgress = (
  kind: CycleKind,
  year: number,
) => Promise<{ readonly expected: number; readonly frozen: number; readonly evaluatedOn: LegalDate | null }>;

/**
 * What the review asks of the cycle's acts (Art 16(4), 17(6), 18(5) 复核审定): `reviewConfirmed`
 * only once every item needing review is decided (the refusal names how many are not), and once it
 * is recorded the year's final results are frozen as of that day (publication publishes them).
 * Recorded again after a failure, the freeze is planned again: it changes nothing frozen.
 * `published` waits until every listed participant's final result is frozen (Art 16(5), 17(7):
 * publication makes the results the review determined public, never a live evaluation); while some
 * are missing, their freeze is planned again as of the review's day (a freeze changes nothing frozen).
 */
export class ReviewGate implements ReportGate {
  constructor(
    private readonly ports: ReviewSourcePorts,
    private readonly freeze: FreezeYear,
    private readonly clock: Clock,
    private readonly progress: FreezeProgress,
  ) {}

  async refusal(cycle: Cycle, act: Act, _league: LeagueCode | undefined): Promise<GateRefusal | null> {
    if (act === 'published') return this.finalResultsPending(cycle);
    if (act !== 'reviewConfirmed') return null;
    const state = await reviewState(this.ports, { year: cycle.year, kind: cycle.kind });
    const message = reviewConfirmedRefusal(undecidedCount(state.items, new Set(state.decisions.keys())));
    return message ? { code: 'REVIEW_UNDECIDED', message } : null;
  }

  private async finalResultsPending(cycle: Cycle): Promise<GateRefusal | null> {
    const { expected, frozen, evaluatedOn } = await this.progress(cycle.kind, cycle.year);
    const message = finalResultsPendingRefusal(expected, frozen);
    if (!message) return null;
    await this.freeze(cycle.kind, cycle.year, evaluatedOn ?? legalDateOfInstant(this.clock.now()));
    return { code: 'FINAL_RESULTS_PENDING', message };
  }

  async recorded(
    of: { readonly year: number; readonly kind: CycleKind },
    act: Act,
    _league: LeagueCode | undefined,
    _actor: string,
  ): Promise<void> {
    if (act !== 'reviewConfirmed') return;
    await this.freeze(of.kind, of.year, legalDateOfInstant(this.clock.now()));
  }
}

/** Both gates' conditions (the first refusal), and both gates told of what was recorded. */
export const bothGates = (first: ReportGate, second: ReportGate): ReportGate => ({
  refusal: async (cycle, act, league) =>
    (await first.refusal(cycle, act, league)) ?? second.refusal(cycle, act, league),
  recorded: async (of, act, league, actor) => {
    await first.recorded(of, act, league, actor);
    await second.recorded(of, act, league, actor);
  },
});
