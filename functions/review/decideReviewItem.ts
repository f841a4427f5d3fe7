import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { type DecisionInput, decisionIssues } from '../../domain/review/reviewItems.ts';
import { reviewClosedReason } from '../../domain/review/reviewWindow.ts';
import type { ReviseRecords } from '../objections/reviseRecords.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ReviewDecision, ReviewStore } from '../ports/reviews.ts';
import type { RepairApplicationStore, SubjectRecordStore } from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { liveResult } from './reviewedSubject.ts';
import { itemUnderReview, type ReviewSourcePorts } from './reviewSources.ts';

export type DecideRefusal = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

/**
 * The review group decides an item (Art 8; Art 16(4), 17(6), 18(5) 复核审定): 维持, or 变更 through
 * the records — each named record revoked with the decision's reasons (functions/objections/
 * reviseRecords.ts), so that the score follows once the worker applied it. Audited; stored once,
 * first, so a repeated post (or a crash after storing) only repeats the revocations, which change
 * nothing the second time.
 */
export class DecideReviewItem {
  constructor(
    private readonly ports: ReviewSourcePorts & { readonly reviews: ReviewStore },
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly store: SubjectRecordStore & RepairApplicationStore,
    private readonly revise: Pick<ReviseRecords, 'revoke'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    ref: { readonly year: number; readonly kind: CycleKind; readonly code: string },
    input: DecisionInput,
  ): Promise<Outcome<ReviewDecision, DecideRefusal>> {
    const auth = authorize(caller, 'review.decide');
    if (!auth.ok) return auth.refusal;
    const found = await itemUnderReview(this.ports, this.cycles, ref);
    if (!found) return notFound;
    const { cycle, state, item } = found;
    const existing = state.decisions.get(ref.code);
    if (existing) return this.again(existing, input);
    const closed = reviewClosedReason(cycle);
    if (closed) return conflict('REVIEW_CLOSED', closed);
    const now = this.clock.now();
    const live = await liveResult(this.store, item, ref.year, legalDateOfInstant(now));
    const issues = decisionIssues(input, new Set((live?.items ?? []).map((i) => i.eventId)));
    if (issues.length > 0) return invalid(issues);
    const at = now.toISOString();
    const by = actorOf(auth.claims);
    const decision: ReviewDecision = {
      year: ref.year,
      kind: ref.kind,
      code: item.code,
      league: item.league,
      outcome: input.outcome,
      reasons: input.reasons.trim(),
      revoked: input.outcome === 'changed' ? [...input.revoke] : [],
      itemReasons: item.reasons,
      reportVersion: item.reportVersion,
      decidedAt: at,
      decidedBy: by,
    };
    const stored = await this.ports.reviews.decide(decision, {
      at,
      actor: by,
      action: `review.${decision.outcome}`,
      what: { code: decision.code, league: decision.league, revoked: decision.revoked.join(',') },
      why: decision.reasons,
    });
    if (stored === 'exists') {
      const now2 = await this.ports.reviews.decision(ref, ref.code);
      return now2 ? this.again(now2, input) : conflict('BUSY', '该事项正被他人复核，请稍后重试');
    }
    return this.complete(decision);
  }

  /** The same decision posted again completes it; another one is refused (a decision is taken once). */
  private async again(existing: ReviewDecision, input: DecisionInput): Promise<Outcome<ReviewDecision, DecideRefusal>> {
    const same =
      existing.outcome === input.outcome &&
      existing.reasons === input.reasons.trim() &&
      existing.revoked.join(',') === (input.outcome === 'changed' ? input.revoke.join(',') : '');
    if (!same) return conflict('ALREADY_DECIDED', '该事项已作出复核决定，不能更改');
    return this.complete(existing);
  }

  /** Revokes the decision's records (each idempotent). */
  private async complete(d: ReviewDecision): Promise<Outcome<ReviewDecision, DecideRefusal>> {
    const on = legalDateOfInstant(new Date(d.decidedAt));
    for (const eventId of d.revoked) {
      const r = await this.revise.revoke(eventId, on, `复核审定：${d.reasons}`, d.decidedBy);
      if (r.status === 'busy') return conflict('BUSY', '信用信息正在处理，请稍后重试');
    }
    return ok(d);
  }
}
