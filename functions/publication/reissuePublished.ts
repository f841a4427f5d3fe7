import type { PushBatch } from '../ports/creditPlatform.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type {
  PublishedResultStore,
  RepairApplication,
  RepairApplicationStore,
  SubjectPartition,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import { EcocreditError } from '../shared/errors.ts';
import { completePending } from './completePending.ts';
import { reissueDecision } from './reissueDecision.ts';
import { type CompleteReissue, decisionOf, type Reissued, type RepairDecision } from './repairDecision.ts';

export { correctionBatchId } from './correctionPush.ts';
export type { CompleteReissue, Reissued, RepairDecision } from './repairDecision.ts';

/**
 * Re-issue of published results after an approved repair (Art 23 ¶2). A repaired record stops
 * counting from its repair date; the public must then see the year's result re-evaluated from the
 * repaired records — as 信用中国 stops showing a repaired record — not the result of the original
 * publication. Each year whose published result lists the repaired record as it was is re-evaluated
 * on the decision date, stored as the next issue of that result (with the repair and its date), the
 * approver is named in the audit, and the corrected result is pushed to the public credit platform
 * as a correction under that issue's own idempotency key (reissueDecision.ts, reissueYear.ts,
 * correctionPush.ts). A later year whose blacklisting (Art 19, I10) depended on the repaired year's
 * grade is re-issued with it.
 *
 * Idempotent: a published result already showing the record repaired is left as it is, so running
 * it again for the same decision changes nothing and pushes nothing.
 *
 * Durable: an approval is stored with `reissuePending` (one conditional write); `complete` re-issues
 * and then clears it. Whatever fails in between (a crash, a DynamoDB error), the flag stays and the
 * nightly run (`completePending`, completePending.ts) finishes the work: a stored decision always
 * reaches the public. The nightly run also sends an approval's `record.repaired` message again while
 * the stored record is not marked repaired (the request may have died before sending it; applying it
 * is idempotent).
 */

/** A lost race with another re-issue of the same result is read again this many times. */
const ATTEMPTS = 5;

export class ReissuePublished implements CompleteReissue {
  constructor(
    private readonly store: SubjectRecordStore & PublishedResultStore & RepairApplicationStore,
    /** Hands a correction to the push queue (Art 16(6), 17(8)). */
    private readonly push: (batch: PushBatch) => Promise<void>,
    /** The records queue: an approval's `record.repaired` message, sent again when it never arrived. */
    private readonly records: RecordQueue,
  ) {}

  async afterRepair(decision: RepairDecision, options: { readonly resend?: boolean } = {}): Promise<Reissued[]> {
    const ref = decision.subject;
    if (ref.kind === 'practitioner') return []; // never published (Art 18(6), Art 35)
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const done = await reissueDecision(this.store, this.push, decision, options.resend === true);
      if (done) return done;
    }
    throw new ReissueError(`published results of ${ref.kind} ${ref.id} kept changing during their re-issue`);
  }

  /**
   * Completes an approval's re-issue and clears its `reissuePending`. While the flag is set, a year
   * already re-issued with this repair has its correction queued again under the same key (a crash
   * may have come between the re-issue and its push; the platform keeps one result per key).
   */
  async complete(
    app: RepairApplication,
    at: string,
  ): Promise<{ application: RepairApplication; reissued: Reissued[] }> {
    const decision = decisionOf(app, at);
    if (!decision) return { application: app, reissued: [] };
    const reissued = await this.afterRepair(decision, { resend: app.reissuePending === true });
    let current: RepairApplication | undefined = app;
    for (let attempt = 0; attempt < ATTEMPTS && current; attempt++) {
      if (current.reissuePending !== true) return { application: current, reissued };
      const cleared: RepairApplication = { ...current, reissuePending: false, version: current.version + 1 };
      const ok = await this.store.putRepairApplication(cleared, current.version, {
        subject: app.subject,
        at,
        actor: 'system:reissue',
        action: 'repair.reissue-completed',
        what: {
          applicationId: app.id,
          eventId: app.eventId,
          reissued: reissued.map((r) => ({ year: r.year, version: r.version, batchId: r.batchId })),
        },
        why: '予以修复的决定已按修复后的信息重新公开（第二十三条）',
      });
      if (ok) return { application: cleared, reissued };
      current = (await this.store.repairApplications(app.subject)).find((a) => a.id === app.id);
    }
    if (!current)
      throw new ReissueError(
        `repair application ${app.id} of ${app.subject.kind} ${app.subject.id} disappeared during its re-issue`,
      );
    throw new ReissueError(`repair application ${app.id} kept changing while its re-issue was recorded`);
  }

  /** The nightly completion of one subject's pending re-issues (completePending.ts); how many it completed. */
  completePending(ref: SubjectRef, partition: SubjectPartition, at: string): Promise<number> {
    return completePending(this.store, this.records, this, ref, partition, at);
  }
}

export class ReissueError extends EcocreditError {
  override readonly name = 'ReissueError';
}
