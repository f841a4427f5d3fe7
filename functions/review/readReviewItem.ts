import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import type { SubjectResult } from '../../domain/evaluation/result.ts';
import type { Objection } from '../../domain/objections/objection.ts';
import type { ReviewItem } from '../../domain/review/reviewItems.ts';
import { reviewClosedReason } from '../../domain/review/reviewWindow.ts';
import type { PublicComment } from '../ports/comments.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ReviewDecision } from '../ports/reviews.ts';
import type { RepairApplicationStore, SubjectRecordStore } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { liveResult } from './reviewedSubject.ts';
import { itemUnderReview, type ReviewSourcePorts } from './reviewSources.ts';

export interface ReviewItemView {
  readonly year: number;
  readonly kind: CycleKind;
  /** The entry as reported, why it is reviewed, its links. */
  readonly item: ReviewItem;
  readonly decision: ReviewDecision | null;
  /** The subject's objections of the cycle (in publicity for enterprises, Art 16(3); in confirmation otherwise). */
  readonly objections: readonly Objection[];
  /** The public comments on the entry that have a finding (调查核实, Art 16(4)). */
  readonly comments: readonly PublicComment[];
  /** The live re-evaluation today: the review's changes and the repairs granted during publicity (Art 23 ¶1). */
  readonly live: SubjectResult | null;
  readonly evaluatedOn: LegalDate;
  /** Why no decision can be taken now (null: the review group may decide). */
  readonly closedReason: string | null;
  /** Whether the caller may decide (the review group). */
  readonly mayDecide: boolean;
}

/** One item for the review group, with everything it is decided on (Art 8, 16(4), 17(6), 18(5)). */
export class ReadReviewItem {
  constructor(
    private readonly ports: ReviewSourcePorts,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly store: SubjectRecordStore & RepairApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    ref: { readonly year: number; readonly kind: CycleKind; readonly code: string },
  ): Promise<Outcome<ReviewItemView, Unauthorized | Forbidden | NotFound>> {
    const auth = authorize(caller, 'review.read');
    if (!auth.ok) return auth.refusal;
    const found = await itemUnderReview(this.ports, this.cycles, ref);
    if (!found) return notFound;
    const { cycle, state, item } = found;
    const evaluatedOn = legalDateOfInstant(this.clock.now());
    const live = await liveResult(this.store, item, ref.year, evaluatedOn);
    return ok({
      year: ref.year,
      kind: ref.kind,
      item,
      decision: state.decisions.get(item.code) ?? null,
      objections: state.objections.filter((o) => o.subject.id === item.code),
      comments: state.comments.filter((c) => c.code === item.code && c.finding !== null),
      live: live ?? null,
      evaluatedOn,
      closedReason: reviewClosedReason(cycle),
      mayDecide: authorize(caller, 'review.decide').ok,
    });
  }
}
