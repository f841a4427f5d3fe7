import { legalDateOfInstant } from '../../domain/dates.ts';
import { REGION_CODE } from '../../domain/identifiers/leagues.ts';
import {
  correctedEventId,
  correctedRecord,
  type Objection,
  PRE_GRADE,
  parseObjectionId,
  reviewed,
  reviewIssues,
  type TargetReview,
} from '../../domain/objections/objection.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { StaffClaims } from '../ports/identity.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { SubjectRecordStore } from '../ports/store.ts';
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
import type { ObjectionActs } from './objectionActs.ts';
import { notifyObjectionReview } from './objectionReviewNotice.ts';
import type { ReviseRecords } from './reviseRecords.ts';

export type ReviewRefusal = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

/** A review as the console's form gives it: per target the outcome and reasons, a correction's fields. */
export type ReviewInput = readonly (Omit<TargetReview, 'correction'> & {
  readonly correction?: Omit<NonNullable<TargetReview['correction']>, 'eventId'>;
})[];

/**
 * The league bureau reviews an objection (Art 17(3), 18(4)): per disputed record upheld (no change),
 * revoked (the record's lifecycle: revokedOn with the reasons) or corrected (the old record revoked and
 * the corrected one created as `<old>.c1`, source `bureau:<league>`), always with reasons; then the
 * cycle records `objectionReviewed` and the participant gets the result as a notice ("将复核结果通知参评单位").
 * Crash-safe: the review is stored first; completing it again (the same form posted again, or the
 * console page) repeats only what is left — each step changes nothing the second time.
 */
export class ReviewObjection {
  constructor(
    private readonly objections: ObjectionStore,
    private readonly records: Pick<SubjectRecordStore, 'loadRecords'>,
    private readonly revise: ReviseRecords,
    private readonly acts: ObjectionActs,
    private readonly notices: NoticeStore,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, id: string, input: ReviewInput): Promise<Outcome<Objection, ReviewRefusal>> {
    const found = await this.find(caller, id);
    if (found.status !== 'ok') return found;
    const { objection, claims } = found.value;
    if (objection.kind === 'publicity')
      return conflict('REVIEW_GROUP', '企业在公示期间提出的异议由自治区复核小组复核（第八条）');
    if (objection.status === 'reviewed') return this.complete(claims, objection);
    const old = await this.records.loadRecords(objection.records);
    const issues: InputIssue[] = [];
    const reviews: TargetReview[] = input.map((r) => {
      if (r.outcome !== 'corrected' || r.target === PRE_GRADE || !r.correction) {
        const { correction: _dropped, ...rest } = r;
        return rest;
      }
      const eventId = correctedEventId(r.target) ?? '';
      return { ...r, correction: { ...r.correction, eventId } };
    });
    issues.push(...reviewIssues(objection, reviews));
    if (issues.length > 0) return invalid(issues);
    for (const r of reviews) {
      if (r.outcome === 'upheld' || r.target === PRE_GRADE) continue;
      const before = old.get(r.target);
      if (!before) issues.push({ path: `reviews.${r.target}`, message: `信用信息 ${r.target} 尚未入库，请稍后再试` });
      // A correction the webhook would refuse is refused before anything is stored.
      else if (r.correction)
        for (const i of await this.revise.issuesOf(correctedRecord(before, r.correction)))
          issues.push({ path: `reviews.${r.target}.${i.path}`, message: i.message });
    }
    if (issues.length > 0) return invalid(issues);
    const at = this.clock.now().toISOString();
    const by = actorOf(claims);
    const done = reviewed(objection, reviews, at, by);
    const stored = await this.objections.review(done, {
      subject: objection.subject,
      at,
      actor: by,
      action: 'objection.reviewed',
      what: {
        objectionId: objection.id,
        reviews: done.reviews.map((r) => `${r.target}:${r.outcome}`).join('；'),
      },
      why: done.reviews.map((r) => r.reasons).join('；'),
    });
    if (!stored) {
      const now = await this.objections.objection(objection.subject, objection.id);
      if (now?.status !== 'reviewed') return conflict('BUSY', '该异议正被他人复核，请稍后重试');
      return this.complete(claims, now);
    }
    return this.complete(claims, done, old);
  }

  /** The objection and the bureau's claims, if the caller may review it (its league's bureau, or the region). */
  async find(
    caller: Caller,
    id: string,
  ): Promise<Outcome<{ readonly objection: Objection; readonly claims: StaffClaims }, ReviewRefusal>> {
    const auth = authorize(caller, 'objection.review');
    if (!auth.ok) return auth.refusal;
    const parsed = parseObjectionId(id);
    if (!parsed) return notFound;
    const objection = await this.objections.objection(parsed.subject, id);
    if (!objection) return notFound;
    // An enterprise's objection in publicity is the region's review group's (Art 8), not the league's.
    const mine = authorize(caller, 'objection.review', {
      league: objection.kind === 'publicity' ? REGION_CODE : objection.league,
    });
    if (!mine.ok) return mine.refusal;
    return ok({ objection, claims: mine.claims });
  }

  /** What follows a stored review: the records' changes, the cycle's act, the notice. Each is idempotent. */
  private async complete(
    claims: StaffClaims,
    o: Objection,
    known?: Map<string, CreditRecord>,
  ): Promise<Outcome<Objection, ReviewRefusal>> {
    const source = `bureau:${o.league}`;
    const actor = o.reviewedBy ?? actorOf(claims);
    const on = legalDateOfInstant(this.clock.now());
    const old = known ?? (await this.records.loadRecords(o.records));
    for (const r of o.reviews) {
      if (r.target === PRE_GRADE || r.outcome === 'upheld') continue;
      if (r.outcome === 'corrected' && r.correction) {
        const before = old.get(r.target) ?? old.get(r.correction.eventId);
        if (before && before.eventId === r.target) {
          const created = await this.revise.create(correctedRecord(before, r.correction), source);
          // The old record is revoked only once its correction stands.
          if (created.status !== 'done') return conflict('BUSY', '信用信息正在处理，请稍后重试');
        }
      }
      const revoked = await this.revise.revoke(r.target, on, `异议复核：${r.reasons}`, actor);
      if (revoked.status === 'busy') return conflict('BUSY', '信用信息正在处理，请稍后重试');
    }
    const act = await this.acts.reviewed(claims, o);
    if (!act.ok) return conflict(act.code, act.message);
    await notifyObjectionReview(this.notices, o, old, this.clock.now().toISOString(), actor);
    return ok(o);
  }
}
