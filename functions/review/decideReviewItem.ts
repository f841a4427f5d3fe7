import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { correctedEventId, correctedRecord, type Objection, reviewed } from '../../domain/objections/objection.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import { type DecisionInput, decisionIssues, objectionReviewsOf } from '../../domain/review/reviewItems.ts';
import { reviewClosedReason } from '../../domain/review/reviewWindow.ts';
import type { InputIssue } from '../../domain/validation.ts';
import { notifyObjectionReview } from '../objections/objectionReviewNotice.ts';
import type { ReviseRecords } from '../objections/reviseRecords.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { ObjectionStore } from '../ports/objections.ts';
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

/** What answers an enterprise's objection in publicity once the review decides its item (Art 8, 16(3)-(4)). */
export interface ObjectionAnswerPorts {
  readonly objections: Pick<ObjectionStore, 'review'>;
  readonly notices: Pick<NoticeStore, 'issue'>;
}

/**
 * The review group decides an item (Art 8; Art 16(4), 17(6), 18(5) 复核审定): 维持, or 变更 through
 * the records — each named record revoked (撤销) or corrected (更正: the old one revoked, the corrected
 * one created as `<old>.c1`) with the decision's reasons (functions/objections/reviseRecords.ts), so
 * that the score follows once the worker applied it. The enterprise's objections in publicity on the
 * item are answered by the decision, and the enterprise is told (Art 16(3)-(4)). Audited; stored
 * once, first, so a repeated post (or a crash after storing) only repeats what follows it, which
 * changes nothing the second time.
 */
export class DecideReviewItem {
  constructor(
    private readonly ports: ReviewSourcePorts & { readonly reviews: ReviewStore },
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly store: SubjectRecordStore & RepairApplicationStore,
    private readonly revise: Pick<ReviseRecords, 'revoke' | 'create' | 'issuesOf'>,
    private readonly clock: Clock,
    private readonly answer: ObjectionAnswerPorts,
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
    const objections = state.objections.filter((o) => o.kind === 'publicity' && o.subject.id === ref.code);
    if (existing) return this.again(existing, input, objections);
    const closed = reviewClosedReason(cycle);
    if (closed) return conflict('REVIEW_CLOSED', closed);
    const now = this.clock.now();
    const live = await liveResult(this.store, item, ref.year, legalDateOfInstant(now));
    const issues = decisionIssues(input, new Set((live?.items ?? []).map((i) => i.eventId)));
    if (issues.length > 0) return invalid(issues);
    const correct = input.outcome === 'changed' ? (input.correct ?? []) : [];
    const old = await this.store.loadRecords(correct.map((c) => c.target));
    const refused = await this.correctionIssues(correct, old);
    if (refused.length > 0) return invalid(refused);
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
      ...(correct.length > 0
        ? {
            corrected: correct.map((c) => ({
              ...c.correction,
              target: c.target,
              eventId: correctedEventId(c.target) ?? c.target,
            })),
          }
        : {}),
      itemReasons: item.reasons,
      reportVersion: item.reportVersion,
      decidedAt: at,
      decidedBy: by,
    };
    const stored = await this.ports.reviews.decide(decision, {
      at,
      actor: by,
      action: `review.${decision.outcome}`,
      what: {
        code: decision.code,
        league: decision.league,
        revoked: decision.revoked.join(','),
        corrected: (decision.corrected ?? []).map((c) => `${c.target}→${c.eventId}`).join(','),
      },
      why: decision.reasons,
    });
    if (stored === 'exists') {
      const now2 = await this.ports.reviews.decision(ref, ref.code);
      return now2 ? this.again(now2, input, objections) : conflict('BUSY', '该事项正被他人复核，请稍后重试');
    }
    return this.complete(decision, objections);
  }

  /** What the webhook would refuse in a corrected record, naming the fields; records not yet stored are refused. */
  private async correctionIssues(
    correct: NonNullable<DecisionInput['correct']>,
    old: ReadonlyMap<string, CreditRecord>,
  ): Promise<InputIssue[]> {
    const issues: InputIssue[] = [];
    for (const { target, correction } of correct) {
      const before = old.get(target);
      if (!before) issues.push({ path: `correct.${target}`, message: `信用信息 ${target} 尚未入库，请稍后再试` });
      else
        for (const i of await this.revise.issuesOf(correctedRecord(before, correction)))
          issues.push({ path: `correct.${target}.${i.path}`, message: i.message });
    }
    return issues;
  }

  /** The same decision posted again completes it; another one is refused (a decision is taken once). */
  private async again(
    existing: ReviewDecision,
    input: DecisionInput,
    objections: readonly Objection[],
  ): Promise<Outcome<ReviewDecision, DecideRefusal>> {
    const changed = input.outcome === 'changed';
    const corrections = (changed ? (input.correct ?? []) : []).map((c) => c.target).join(',');
    const same =
      existing.outcome === input.outcome &&
      existing.reasons === input.reasons.trim() &&
      existing.revoked.join(',') === (changed ? input.revoke.join(',') : '') &&
      (existing.corrected ?? []).map((c) => c.target).join(',') === corrections;
    if (!same) return conflict('ALREADY_DECIDED', '该事项已作出复核决定，不能更改');
    return this.complete(existing, objections);
  }

  /**
   * What follows a stored decision, each step idempotent: the corrected records created, then the
   * revocations (a corrected record's old one only once its correction stands), then the open
   * objections in publicity answered and their notices issued.
   */
  private async complete(
    d: ReviewDecision,
    objections: readonly Objection[],
  ): Promise<Outcome<ReviewDecision, DecideRefusal>> {
    const busy = conflict('BUSY', '信用信息正在处理，请稍后重试');
    const on = legalDateOfInstant(new Date(d.decidedAt));
    const why = `复核审定：${d.reasons}`;
    const corrected = d.corrected ?? [];
    const disputed = objections.flatMap((o) => o.records);
    const old = await this.store.loadRecords([...new Set([...corrected.map((c) => c.target), ...disputed])]);
    for (const c of corrected) {
      const before = old.get(c.target);
      if (before) {
        const created = await this.revise.create(correctedRecord(before, c), `review:${d.league}`);
        if (created.status !== 'done') return busy;
      }
      if ((await this.revise.revoke(c.target, on, why, d.decidedBy)).status === 'busy') return busy;
    }
    for (const eventId of d.revoked) {
      const r = await this.revise.revoke(eventId, on, why, d.decidedBy);
      if (r.status === 'busy') return busy;
    }
    await this.answerObjections(d, objections, old);
    return ok(d);
  }

  /** Each open objection in publicity on the item answered by the decision, and the enterprise told (Art 16(3)-(4)). */
  private async answerObjections(
    d: ReviewDecision,
    objections: readonly Objection[],
    records: ReadonlyMap<string, CreditRecord>,
  ): Promise<void> {
    for (const o of objections) {
      const done = o.status === 'reviewed' ? o : reviewed(o, objectionReviewsOf(o, d), d.decidedAt, d.decidedBy);
      if (o.status === 'open')
        await this.answer.objections.review(done, {
          subject: o.subject,
          at: d.decidedAt,
          actor: d.decidedBy,
          action: 'objection.reviewed',
          what: { objectionId: o.id, reviews: done.reviews.map((r) => `${r.target}:${r.outcome}`).join('；') },
          why: `复核审定：${d.reasons}`,
        });
      await notifyObjectionReview(this.answer.notices, done, records, d.decidedAt, d.decidedBy);
    }
  }
}
