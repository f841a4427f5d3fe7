import { officialWorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { practitionerRepairVerificationDeadline } from '../../domain/cycles/caseWindows.ts';
import { stageOf } from '../../domain/cycles/cycle.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { assessPractitionerRepair, describePractitionerRepairRefusal } from '../../domain/evaluation/repair.ts';
import { validate } from '../../domain/validation.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import {
  type RepairApplication,
  type RepairApplicationStore,
  repairEventId,
  type SubjectRecordStore,
  type SubjectRef,
} from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { authorize } from '../shared/policy.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';
import { practitionerRepairApplicationBody } from './contracts.ts';
import { dishonestRecordsOf } from './dishonestRecords.ts';
import { fileApplication, pendingApplication, type RepairOutcome, refusedBy } from './repairOutcome.ts';

/**
 * `POST /v1/subjects/practitioner/{id}/repairs` — Art 25–26: a practitioner rated dishonest for a
 * year applies through the league bureau with the signed commitment (Annex 5) and a contribution;
 * one year must have passed since the rating (the practitioner cycle's notification, Art 18(6))
 * without a new record. Verified within 20 working days, like an enterprise's application.
 */
export class ApplyForPractitionerRepair {
  constructor(
    private readonly store: SubjectRecordStore & RepairApplicationStore,
    private readonly cycles: CycleStore,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, ref: SubjectRef, body: unknown): Promise<RepairOutcome<RepairApplication>> {
    // Art 25: a practitioner applies through a bureau.
    const role = authorize(caller, 'repair.decide');
    if (!role.ok) return refusedBy(role.refusal);
    const claims = role.claims;
    const parsed = validate(practitionerRepairApplicationBody, body ?? {});
    if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
    const b = parsed.value;
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const leagues = new Set([
      partition.profile ? leagueOf(partition.profile.subject) : null,
      ...records.map((r) => r.league),
    ]);
    // A bureau of any league the practitioner's records or registration belong to.
    if (![...leagues].some((league) => authorize(caller, 'repair.decide', { ...ref, league }).ok))
      return { status: 'forbidden' };
    const cycle = await this.cycles.getCycle(b.year, 'practitioner');
    const ratedOn = cycle?.region && stageOf(cycle, null) === 'NOTIFIED' ? cycle.region.enteredOn : null;
    if (!ratedOn)
      return { status: 'refused', reasons: [`${b.year}年度相关从业人员评定结果尚未通知（第十八条第六项）`] };
    if ((await dishonestRecordsOf(this.store, ref, b.year, ratedOn)).length === 0)
      return { status: 'refused', reasons: [`${b.year}年度未被评定为环保失信个人，无需修复`] };
    const existing = await this.store.repairApplications(ref);
    const eventId = repairEventId({ kind: 'dishonestYear', year: b.year });
    if (existing.some((a) => a.eventId === eventId && a.status === 'pending'))
      return { status: 'conflict', message: '已有待核实的修复申请' };
    const now = this.clock.now();
    const today = legalDateOfInstant(now);
    const assessment = assessPractitionerRepair({
      ratedOn,
      appliedOn: today,
      commitmentSigned: b.commitmentSigned,
      recordsSinceRated: records,
      reportedViolationConfirmed: b.reportedViolationConfirmed,
      volunteerHoursMet: b.volunteerHoursMet,
    });
    if (!assessment.eligible)
      return { status: 'refused', reasons: assessment.refusals.map(describePractitionerRepairRefusal) };
    const verify = practitionerRepairVerificationDeadline(
      today,
      officialWorkingCalendar(...(await this.cycles.calendars())),
    );
    const app = pendingApplication(
      {
        subject: ref,
        eventId,
        appliedOn: today,
        evidence: b.evidence,
        impactEliminated: false,
      },
      verify,
    );
    return fileApplication({ store: this.store, cycles: this.cycles, scheduler: this.scheduler }, app, {
      at: now.toISOString(),
      actor: actorOf(claims),
      what: { year: b.year },
    });
  }
}
