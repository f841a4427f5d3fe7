import { legalDateOfInstant } from '../../domain/dates.ts';
import { validate } from '../../domain/validation.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import {
  type ProfileStore,
  type RepairApplication,
  type RepairApplicationStore,
  repairTargetOf,
  type SubjectRecordStore,
  type SubjectRef,
} from '../ports/store.ts';
import type { CompleteReissue, Reissued } from '../publication/reissuePublished.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { authorize } from '../shared/policy.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';
import { repairDecisionBody } from './contracts.ts';
import { dishonestRecordsOf } from './dishonestRecords.ts';
import { type RepairOutcome, refusedBy, verificationDeadline } from './repairOutcome.ts';

/**
 * `POST …/repairs/{applicationId}/decision` — the league bureau's decision (the region may decide
 * too, Art 23 ¶2): approve, and the record is repaired from the decision date (`record.repaired`
 * to the records queue) and, after publication, the year's published result is re-issued and its
 * correction pushed; or reject with the reason. The decision stands whatever follows it: a re-issue
 * or a message that fails now is completed by the nightly run (`ReissuePublished.completePending`).
 */
export class DecideRepair {
  constructor(
    private readonly store: SubjectRecordStore & ProfileStore & RepairApplicationStore,
    private readonly cycles: CycleStore,
    private readonly scheduler: Scheduler,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
    /** Art 23: re-issues the published results a repair changes, and pushes their corrections. */
    private readonly reissue: CompleteReissue,
  ) {}

  async execute(
    caller: Caller,
    ref: SubjectRef,
    applicationId: string,
    body: unknown,
  ): Promise<RepairOutcome<RepairApplication & { reissued?: Reissued[] }>> {
    const role = authorize(caller, 'repair.decide');
    if (!role.ok) return refusedBy(role.refusal);
    const parsed = validate(repairDecisionBody, body ?? {});
    if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
    const b = parsed.value;
    const profile = await this.store.getProfile(ref);
    const allowed = authorize(caller, 'repair.decide', { ...ref, league: profile ? leagueOf(profile.subject) : null });
    if (!allowed.ok) return refusedBy(allowed.refusal);
    const app = (await this.store.repairApplications(ref)).find((a) => a.id === applicationId);
    if (!app) return { status: 'notFound' };
    if (app.status !== 'pending')
      return { status: 'conflict', message: `该申请已${app.status === 'approved' ? '予以修复' : '不予修复'}` };
    const now = this.clock.now();
    const today = legalDateOfInstant(now);
    const actor = actorOf(role.claims);
    const approved = b.decision === 'approve';
    // Art 23 ¶2: an approval of an enterprise's or agency's record carries the obligation to re-issue
    // its published results, stored in the same conditional write (practitioners are never published).
    const decided: RepairApplication = {
      ...app,
      status: approved ? 'approved' : 'rejected',
      decidedOn: today,
      decidedBy: actor,
      reason: b.reason ?? null,
      version: app.version + 1,
      ...(approved && ref.kind !== 'practitioner' ? { reissuePending: true } : {}),
    };
    const ok = await this.store.putRepairApplication(decided, app.version, {
      subject: ref,
      at: now.toISOString(),
      actor,
      action: `repair.${decided.status}`,
      what: { applicationId: app.id, eventId: app.eventId },
      why: decided.reason,
    });
    if (!ok) return { status: 'conflict', message: '该申请刚被他人处理，请重新读取' };
    if (approved) {
      // An enterprise's or agency's one record; a practitioner's every counted record of the rated year (Art 25).
      const target = repairTargetOf(app);
      const eventIds =
        target.kind === 'dishonestYear'
          ? await dishonestRecordsOf(this.store, ref, target.year, today)
          : [target.eventId];
      await this.queue.send(
        eventIds.map((eventId) => ({
          type: 'record.repaired' as const,
          eventId,
          subject: ref,
          on: today,
          source: actor,
          receivedAt: now.toISOString(),
        })),
      );
    }
    await this.cycles.unindexDeadline(verificationDeadline(app));
    await this.scheduler.cancel(verificationDeadline(app));
    if (decided.reissuePending !== true) return { status: 'ok', value: decided };
    // Art 23 ¶2: the public sees the result re-evaluated from the repaired record, and so does the
    // public credit platform (a correction). During the publicity (¶1) nothing is published yet:
    // the final publication evaluates the repaired records.
    try {
      const { application, reissued } = await this.reissue.complete(decided, now.toISOString());
      return { status: 'ok', value: { ...application, reissued } };
    } catch (error) {
      return { status: 'ok', value: decided, reissueDeferred: { applicationId: app.id, error } };
    }
  }
}
