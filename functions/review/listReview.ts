import { stageOf } from '../../domain/cycles/cycle.ts';
import type { CycleKind, StageName } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { type ReviewItem, type ReviewReason, undecidedCount } from '../../domain/review/reviewItems.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ReviewDecision } from '../ports/reviews.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { type ReviewSourcePorts, reviewState } from './reviewSources.ts';

export interface ReviewListFilter {
  readonly reason?: ReviewReason | undefined;
  readonly league?: LeagueCode | undefined;
  readonly decided?: boolean | undefined;
}

export interface ReviewListRow extends ReviewItem {
  readonly decision: ReviewDecision | null;
}

export interface ReviewList {
  readonly year: number;
  readonly kind: CycleKind;
  /** The rows the filter keeps. */
  readonly rows: readonly ReviewListRow[];
  /** Over every item of the year and kind (not only the filtered ones). */
  readonly total: number;
  readonly decided: number;
  readonly undecided: number;
  /** The region's stage of the cycle (read-only: 'REVIEW' while decisions are taken), null before it. */
  readonly stage: StageName | null;
  /** Whether `reviewConfirmed` was recorded (the final results are frozen). */
  readonly confirmed: boolean;
  /** The leagues whose reports were sent (the items come from them). */
  readonly leagues: readonly LeagueCode[];
}

/**
 * The items for the review group of a year and kind (Art 8, 16(4), 17(6), 18(5)), each with its
 * decision if taken, filtered by reason, league and whether decided: the review group and the region.
 */
export class ListReview {
  constructor(
    private readonly ports: ReviewSourcePorts,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
  ) {}

  async execute(
    caller: Caller,
    ref: { readonly year: number; readonly kind: CycleKind },
    filter: ReviewListFilter = {},
  ): Promise<Outcome<ReviewList, Unauthorized | Forbidden | NotFound>> {
    const auth = authorize(caller, 'review.read');
    if (!auth.ok) return auth.refusal;
    const cycle = await this.cycles.getCycle(ref.year, ref.kind);
    if (!cycle) return notFound;
    const state = await reviewState(this.ports, ref);
    const all: ReviewListRow[] = state.items.map((i) => ({ ...i, decision: state.decisions.get(i.code) ?? null }));
    const undecided = undecidedCount(state.items, new Set(state.decisions.keys()));
    const rows = all.filter(
      (r) =>
        (filter.reason === undefined || r.reasons.includes(filter.reason)) &&
        (filter.league === undefined || r.league === filter.league) &&
        (filter.decided === undefined || (r.decision !== null) === filter.decided),
    );
    return ok({
      year: ref.year,
      kind: ref.kind,
      rows,
      total: all.length,
      decided: all.length - undecided,
      undecided,
      leagues: [...new Set(all.map((r) => r.league))],
      stage: stageOf(cycle, null),
      confirmed: cycle.region?.done.includes('reviewConfirmed') ?? false,
    });
  }
}
