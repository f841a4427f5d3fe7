import { officialWorkingCalendar } from '../../domain/calendar/workingCalendar.ts';
import { isDeductionRule, ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { repairVerificationDeadline } from '../../domain/cycles/caseWindows.ts';
import { legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import { recordPoints } from '../../domain/evaluation/recordState.ts';
import { assessRepairApplication, describeRepairRefusal } from '../../domain/evaluation/repair.ts';
import { validate } from '../../domain/validation.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import type { RepairApplication, RepairApplicationStore, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { authorize } from '../shared/policy.ts';
import { leagueOf, unregisteredSubject } from '../shared/subjectEvaluation.ts';
import { repairApplicationBody } from './contracts.ts';
import { fileApplication, pendingApplication, type RepairOutcome, refusedBy } from './repairOutcome.ts';

/**
 * `POST /v1/subjects/{enterprise|agency}/{id}/repairs` — an enterprise or agency applies to repair
 * one of its deduction records (Art 23 ¶2), by itself or through its bureau. The domain checks the
 * conditions first (rectified within the period, not repeated, the Art 27 wait by the record's
 * points, I4 for an agency's "同委托单位" record); an eligible application is filed with its
 * verification limit of 20 working days.
 */
export class ApplyForRepair {
  constructor(
    private readonly store: SubjectRecordStore & RepairApplicationStore,
    private readonly cycles: CycleStore,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, ref: SubjectRef, body: unknown): Promise<RepairOutcome<RepairApplication>> {
    const role = authorize(caller, 'repair.apply');
    if (!role.ok) return refusedBy(role.refusal);
    const parsed = validate(repairApplicationBody, body ?? {});
    if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
    const b = parsed.value;
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const subject = partition.profile?.subject ?? unregisteredSubject(ref, records);
    const allowed = authorize(caller, 'repair.apply', { ...ref, league: leagueOf(subject) });
    if (!allowed.ok) return refusedBy(allowed.refusal);
    const record = records.find((r) => r.eventId === b.eventId);
    const rule = record ? ruleByCode(record.rule) : undefined;
    if (!record || !rule || !isDeductionRule(rule))
      return { status: 'invalid', issues: [{ path: 'eventId', message: '该主体没有这条扣分信用信息' }] };
    const existing = await this.store.repairApplications(ref);
    if (existing.some((a) => a.eventId === record.eventId && a.status === 'pending'))
      return { status: 'conflict', message: '该信用信息已有待核实的修复申请' };

    const now = this.clock.now();
    const today = legalDateOfInstant(now);
    const clients = record.clientEventId ? await this.store.loadRecords([record.clientEventId]) : new Map();
    const points = recordPoints(rule, record, (id) => clients.get(id));
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
    const verify = repairVerificationDeadline(today, officialWorkingCalendar(...(await this.cycles.calendars())));
    const app = pendingApplication(
      {
        subject: ref,
        eventId: record.eventId,
        appliedOn: today,
        evidence: b.evidence,
        ...(b.evidenceFiles !== undefined && b.evidenceFiles.length > 0 ? { evidenceFiles: b.evidenceFiles } : {}),
        impactEliminated: b.impactEliminated === true,
      },
      verify,
    );
    return fileApplication({ store: this.store, cycles: this.cycles, scheduler: this.scheduler }, app, {
      at: now.toISOString(),
      actor: actorOf(role.claims),
      what: { eventId: app.eventId },
    });
  }
}
