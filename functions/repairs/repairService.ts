import { randomUUID } from 'node:crypto';
import { ruleByCode, isDeductionRule } from '../../domain/catalogue/catalogue.ts';
import { SUBJECT_KINDS, type SubjectKind } from '../../domain/catalogue/kinds.ts';
import { officialWorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { practitionerRepairVerificationDeadline, repairVerificationDeadline } from '../../domain/cycles/caseWindows.ts';
import { legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import { assessPractitionerRepair, assessRepairApplication, describePractitionerRepairRefusal, describeRepairRefusal } from '../../domain/evaluation/repair.ts';
import { stageOf } from '../../domain/cycles/cycle.ts';
import { cataloguePoints } from '../../domain/evaluation/recordState.ts';
import { tenths } from '../../domain/points.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget, Scheduler } from '../ports/scheduler.ts';
import type { CreditStore, RepairApplication, SubjectRef } from '../ports/store.ts';
import { actorOf, type Caller, mayActOn } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { evaluateStored, leagueOf, unregisteredSubject } from '../shared/subjectEvaluation.ts';

/**
 * Credit repair after publication (Art 23 ¶2, 24, 27): the subject applies with evidence; the
 * domain checks the conditions (rectified within the period, not repeated, the Art 27 wait); the
 * league bureau verifies within 20 working days — a deadline on the same path as every other, with
 * an overdue alert when it passes — and approves (the record is repaired and the subject
 * re-evaluated) or rejects with its reasons.
 */
export type RepairOutcome<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'refused'; readonly reasons: string[] }
  | { readonly status: 'notFound' }
  | { readonly status: 'forbidden' }
  | { readonly status: 'unauthorized' }
  | { readonly status: 'conflict'; readonly message: string };

const owner = (s: SubjectRef) => `SUBJECT#${s.kind}#${s.id}`;
const deadlineOf = (app: RepairApplication): DeadlineTarget => ({ kind: 'repair', owner: owner(app.subject), deadlineId: `REPAIR#${app.id}`, at: app.verifyBy.at });

export class RepairService {
  constructor(
    private readonly store: CreditStore,
    private readonly cycles: CycleStore,
    private readonly scheduler: Scheduler,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
  ) {}

  private ref(kind: string, id: string): SubjectRef | null {
    return (SUBJECT_KINDS as readonly string[]).includes(kind) ? { kind: kind as SubjectKind, id } : null;
  }

  /** `POST /v1/subjects/{kind}/{id}/repairs` — by the enterprise or agency itself, or its bureau. */
  async apply(caller: Caller, kind: string, id: string, body: unknown): Promise<RepairOutcome<RepairApplication>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    const ref = this.ref(kind, id);
    if (!ref) return { status: 'invalid', issues: [{ path: 'kind', message: '主体类型须为 enterprise、agency 或 practitioner' }] };
    if (ref.kind === 'practitioner') return this.applyPractitioner(caller.claims, ref, body);
    const b = (body ?? {}) as { eventId?: unknown; evidence?: unknown; impactEliminated?: unknown };
    const issues: InputIssue[] = [];
    if (typeof b.eventId !== 'string' || b.eventId.length === 0) issues.push({ path: 'eventId', message: '须指明申请修复的信用信息（eventId）' });
    if (typeof b.evidence !== 'string' || b.evidence.length === 0 || b.evidence.length > 4000) issues.push({ path: 'evidence', message: '须说明整改情况及证据（1至4000个字符）' });
    if (b.impactEliminated !== undefined && typeof b.impactEliminated !== 'boolean') issues.push({ path: 'impactEliminated', message: '须为 true 或 false' });
    if (issues.length > 0) return { status: 'invalid', issues };
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const subject = partition.profile?.subject ?? unregisteredSubject(ref, records);
    if (!mayActOn(caller.claims, { ...ref, league: leagueOf(subject) })) return { status: 'forbidden' };
    const record = records.find((r) => r.eventId === b.eventId);
    const rule = record ? ruleByCode(record.rule) : undefined;
    if (!record || !rule || !isDeductionRule(rule)) return { status: 'invalid', issues: [{ path: 'eventId', message: '该主体没有这条扣分信用信息' }] };
    const existing = await this.store.repairApplications(ref);
    if (existing.some((a) => a.eventId === record.eventId && a.status === 'pending')) return { status: 'conflict', message: '该信用信息已有待核实的修复申请' };

    const now = this.clock.now();
    const today = legalDateOfInstant(now);
    let points = cataloguePoints(rule, record);
    if (rule.points.type === 'sameAsClient' && record.clientEventId) {
      const client = (await this.store.loadRecords([record.clientEventId])).get(record.clientEventId);
      const clientRule = client ? ruleByCode(client.rule) : undefined;
      points = tenths(Math.min(0, client && clientRule ? (cataloguePoints(clientRule, client) as number) : 0));
    }
    const published = partition.published.find((p) => p.year === yearOf(record.occurredOn));
    const assessment = assessRepairApplication({
      record: { ...record, points, directD: rule.directD },
      appliedOn: today,
      announcedOn: published?.publishedOn ?? today,
      laterRecordsOfSubject: records,
      impactEliminated: b.impactEliminated === true,
    });
    if (!assessment.eligible) return { status: 'refused', reasons: assessment.refusals.map(describeRepairRefusal) };

    // Art 23 ¶2: verified within 20 working days of receipt.
    const cal = officialWorkingCalendar(...(await this.cycles.calendars()));
    const verify = repairVerificationDeadline(today, cal);
    const app: RepairApplication = {
      id: randomUUID(), subject: ref, eventId: record.eventId, appliedOn: today, evidence: b.evidence as string, impactEliminated: b.impactEliminated === true,
      verifyBy: { on: verify.on, at: verify.at, provisional: verify.provisional }, status: 'pending', overdue: false, decidedOn: null, decidedBy: null, reason: null, version: 1,
    };
    return this.file(app, actorOf(caller.claims), now, { eventId: app.eventId });
  }

  /** Files an accepted application: stored with its audit entry, its verification limit indexed and scheduled. */
  private async file(app: RepairApplication, actor: string, now: Date, what: Record<string, unknown>): Promise<RepairOutcome<RepairApplication>> {
    await this.store.putRepairApplication(app, null, { subject: app.subject, at: now.toISOString(), actor, action: 'repair.applied', what: { applicationId: app.id, ...what, verifyBy: app.verifyBy.on }, why: app.evidence });
    await this.cycles.indexDeadline(deadlineOf(app));
    await this.scheduler.schedule(deadlineOf(app));
    return { status: 'ok', value: app };
  }

  async list(caller: Caller, kind: string, id: string): Promise<RepairOutcome<RepairApplication[]>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    const ref = this.ref(kind, id);
    if (!ref) return { status: 'notFound' };
    const profile = await this.store.getProfile(ref);
    if (!mayActOn(caller.claims, { ...ref, league: profile ? leagueOf(profile.subject) : null })) return { status: 'forbidden' };
    return { status: 'ok', value: await this.store.repairApplications(ref) };
  }

  /** The league bureau's decision (the region may decide too): approve, or reject with its reasons. */
  async decide(caller: Caller, kind: string, id: string, applicationId: string, body: unknown): Promise<RepairOutcome<RepairApplication>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    if (caller.claims.role !== 'region' && caller.claims.role !== 'league') return { status: 'forbidden' };
    const ref = this.ref(kind, id);
    if (!ref) return { status: 'notFound' };
    const b = (body ?? {}) as { decision?: unknown; reason?: unknown };
    if (b.decision !== 'approve' && b.decision !== 'reject') return { status: 'invalid', issues: [{ path: 'decision', message: '须为 approve（予以修复）或 reject（不予修复）' }] };
    if (b.decision === 'reject' && (typeof b.reason !== 'string' || b.reason.length === 0)) return { status: 'invalid', issues: [{ path: 'reason', message: '不予修复须告知理由（第二十三条）' }] };
    const profile = await this.store.getProfile(ref);
    if (!mayActOn(caller.claims, { ...ref, league: profile ? leagueOf(profile.subject) : null })) return { status: 'forbidden' };
    const app = (await this.store.repairApplications(ref)).find((a) => a.id === applicationId);
    if (!app) return { status: 'notFound' };
    if (app.status !== 'pending') return { status: 'conflict', message: `该申请已${app.status === 'approved' ? '予以修复' : '不予修复'}` };
    const now = this.clock.now();
    const today = legalDateOfInstant(now);
    const actor = actorOf(caller.claims);
    const decided: RepairApplication = { ...app, status: b.decision === 'approve' ? 'approved' : 'rejected', decidedOn: today, decidedBy: actor, reason: typeof b.reason === 'string' ? b.reason : null, version: app.version + 1 };
    const ok = await this.store.putRepairApplication(decided, app.version, { subject: ref, at: now.toISOString(), actor, action: `repair.${decided.status}`, what: { applicationId: app.id, eventId: app.eventId }, why: decided.reason });
    if (!ok) return { status: 'conflict', message: '该申请刚被他人处理，请重新读取' };
    if (decided.status === 'approved') {
      // An enterprise's or agency's one record; a practitioner's every counted record of the rated year (Art 25).
      const eventIds = ref.kind === 'practitioner' ? await this.dishonestRecordsOf(ref, Number(app.eventId.replace('DISHONEST-', ''))) : [app.eventId];
      await this.queue.send(eventIds.map((eventId) => ({ type: 'record.repaired' as const, eventId, subject: ref, on: today, source: actor, receivedAt: now.toISOString() })));
    }
    await this.cycles.unindexDeadline(deadlineOf(app));
    await this.scheduler.cancel(deadlineOf(app));
    return { status: 'ok', value: decided };
  }

  /**
   * Art 25-26: a practitioner rated dishonest for year `year` applies through the league bureau with
   * the signed commitment (Annex 5) and a contribution; one year must have passed since the rating
   * (the practitioner cycle's notification, Art 18(6)) without a new record. Verified within 20
   * working days, like an enterprise's application.
   */
  private async applyPractitioner(claims: import('../ports/identity.ts').StaffClaims, ref: SubjectRef, body: unknown): Promise<RepairOutcome<RepairApplication>> {
    if (claims.role !== 'region' && claims.role !== 'league') return { status: 'forbidden' };
    const b = (body ?? {}) as Record<string, unknown>;
    const issues: InputIssue[] = [];
    if (!Number.isInteger(b.year)) issues.push({ path: 'year', message: '须指明被评定为环保失信个人的评价年度' });
    for (const f of ['commitmentSigned', 'reportedViolationConfirmed', 'volunteerHoursMet'] as const)
      if (typeof b[f] !== 'boolean') issues.push({ path: f, message: '须为 true 或 false' });
    if (typeof b.evidence !== 'string' || b.evidence.length === 0 || b.evidence.length > 4000) issues.push({ path: 'evidence', message: '须说明突出表现及证据（1至4000个字符）' });
    if (issues.length > 0) return { status: 'invalid', issues };
    const year = b.year as number;
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const league = partition.profile ? leagueOf(partition.profile.subject) : null;
    const leagues = new Set([league, ...records.map((r) => r.league)]);
    if (claims.role === 'league' && !leagues.has(claims.league ?? '')) return { status: 'forbidden' };
    const cycle = await this.cycles.getCycle(year, 'practitioner');
    const ratedOn = cycle?.region && stageOf(cycle, null) === 'NOTIFIED' ? cycle.region.enteredOn : null;
    if (!ratedOn) return { status: 'refused', reasons: [`${year}年度相关从业人员评定结果尚未通知（第十八条第六项）`] };
    if ((await this.dishonestRecordsOf(ref, year, ratedOn)).length === 0) return { status: 'refused', reasons: [`${year}年度未被评定为环保失信个人，无需修复`] };
    const existing = await this.store.repairApplications(ref);
    if (existing.some((a) => a.eventId === `DISHONEST-${year}` && a.status === 'pending')) return { status: 'conflict', message: '已有待核实的修复申请' };
    const now = this.clock.now();
    const today = legalDateOfInstant(now);
    const assessment = assessPractitionerRepair({
      ratedOn, appliedOn: today, commitmentSigned: b.commitmentSigned as boolean, recordsSinceRated: records,
      reportedViolationConfirmed: b.reportedViolationConfirmed as boolean, volunteerHoursMet: b.volunteerHoursMet as boolean,
    });
    if (!assessment.eligible) return { status: 'refused', reasons: assessment.refusals.map(describePractitionerRepairRefusal) };
    const verify = practitionerRepairVerificationDeadline(today, officialWorkingCalendar(...(await this.cycles.calendars())));
    const app: RepairApplication = {
      id: randomUUID(), subject: ref, eventId: `DISHONEST-${year}`, appliedOn: today, evidence: b.evidence as string, impactEliminated: false,
      verifyBy: { on: verify.on, at: verify.at, provisional: verify.provisional }, status: 'pending', overdue: false, decidedOn: null, decidedBy: null, reason: null, version: 1,
    };
    return this.file(app, actorOf(claims), now, { year });
  }

  /** The records that made the practitioner dishonest in `year` (counted as of `asOf`, default today). */
  private async dishonestRecordsOf(ref: SubjectRef, year: number, asOf?: string): Promise<string[]> {
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const on = asOf ?? legalDateOfInstant(this.clock.now());
    const evaluated = await evaluateStored(this.store, ref, partition, records, [year], on);
    const result = evaluated.results.get(year);
    if (!result || !('dishonest' in result) || result.dishonest !== true) return [];
    return result.items.filter((i) => i.state === 'counted').map((i) => i.eventId);
  }

  /** The verification limit passed: an overdue alert to the bureau if still pending; otherwise nothing. */
  async verificationDue(target: DeadlineTarget): Promise<{ status: 'applied' | 'ignored'; reason?: string }> {
    const [, kind, id] = target.owner.split('#');
    const ref = { kind: kind as SubjectKind, id: id! };
    const app = (await this.store.repairApplications(ref)).find((a) => `REPAIR#${a.id}` === target.deadlineId);
    await this.cycles.unindexDeadline(target);
    if (!app || app.status !== 'pending' || app.overdue || app.verifyBy.at !== target.at) return { status: 'ignored', reason: 'not pending' };
    const profile = await this.store.getProfile(ref);
    const league = profile ? leagueOf(profile.subject) : null;
    await this.store.putRepairApplication({ ...app, overdue: true, version: app.version + 1 }, app.version, {
      subject: ref, at: this.clock.now().toISOString(), actor: 'system:deadline', action: 'alert.raised',
      what: { applicationId: app.id, responsible: league, limitOn: app.verifyBy.on, article: 'Art 23' },
      why: `信用修复申请应于${app.verifyBy.on}前核实（第二十三条），现已逾期`,
    });
    return { status: 'applied' };
  }
}
