import { createHash } from 'node:crypto';
import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import type { ScoredResult } from '../../domain/evaluation/evaluateSubject.ts';
import { recordsOfReissue } from '../../domain/evaluation/publishedResult.ts';
import { isJurisdictionCode, jurisdictionName } from '../../domain/identifiers/leagues.ts';
import type { PushBatch } from '../ports/creditPlatform.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type {
  PublishedGradeItem,
  PublishedResultStore,
  PublishedSummary,
  RepairApplication,
  RepairApplicationStore,
  SubjectPartition,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import { EcocreditError } from '../shared/errors.ts';
import { evaluateStored } from '../shared/subjectEvaluation.ts';
import { issueOf, type PublishedResult, publishedShape, type ReissueMark } from './publishedShape.ts';
import { unappliedRepairs } from './unappliedRepairs.ts';

/**
 * Re-issue of published results after an approved repair (Art 23 ¶2). A repaired record stops
 * counting from its repair date; the public must then see the year's result re-evaluated from the
 * repaired records — as 信用中国 stops showing a repaired record — not the result of the original
 * publication. Each year whose published result lists the repaired record as it was is re-evaluated
 * on the decision date, stored as the next issue of that result (with the repair and its date), the
 * approver is named in the audit, and the corrected result is pushed to the public credit platform
 * as a correction under that issue's own idempotency key. A later year whose blacklisting (Art 19,
 * I10) depended on the repaired year's grade is re-issued with it.
 *
 * Idempotent: a published result already showing the record repaired is left as it is, so running
 * it again for the same decision changes nothing and pushes nothing.
 *
 * Durable: an approval is stored with `reissuePending` (one conditional write); `complete` re-issues
 * and then clears it. Whatever fails in between (a crash, a DynamoDB error), the flag stays and the
 * nightly run (`completePending`) finishes the work: a stored decision always reaches the public.
 * The nightly run also sends an approval's `record.repaired` message again while the stored record
 * is not marked repaired (the request may have died before sending it; applying it is idempotent).
 */
export interface RepairDecision {
  readonly subject: SubjectRef;
  readonly applicationId: string;
  readonly eventIds: readonly string[];
  readonly decidedOn: LegalDate;
  /** The approver, as the audit names staff (`staff:<role>:<jurisdiction>[:<sub>]`). */
  readonly decidedBy: string;
  /** The deciding bureau's jurisdiction code (the league, or the region `150000`). */
  readonly bureau: string;
  readonly at: string;
}

export interface Reissued {
  readonly year: number;
  readonly version: number;
  readonly batchId: string;
}

/** A lost race with another re-issue of the same result is read again this many times. */
const ATTEMPTS = 5;

export const correctionBatchId = (kind: string, year: number, uscc: string, version: number): string =>
  createHash('sha256').update(`correction|${kind}|${year}|${uscc}|${version}`).digest('hex').slice(0, 32);

/** What follows an approval: its re-issue, completed (the seam the decision calls). */
export interface CompleteReissue {
  complete(
    app: RepairApplication,
    at: string,
  ): Promise<{ readonly application: RepairApplication; readonly reissued: Reissued[] }>;
}

/** The bureau that decided, from the approver as the audit names it (`staff:league:150600:…`). */
const bureauOf = (decidedBy: string): string => decidedBy.split(':')[2] ?? '150000';

/** The correction of a re-issued result for the public credit platform, under its issue's own key. */
const correctionOf = (ref: SubjectRef, year: number, publishedOn: string, shown: PublishedResult): PushBatch => {
  const version = issueOf(shown);
  return {
    type: 'push',
    batchId: correctionBatchId(ref.kind, year, ref.id, version),
    kind: ref.kind as 'enterprise' | 'agency',
    year,
    publishedOn,
    entries: [
      {
        uscc: ref.id,
        name: shown.subject.name,
        league: shown.subject.league,
        grade: shown.grade!,
        score: shown.score,
        blacklisted: shown.blacklisted,
      },
    ],
    correction: {
      version,
      reissuedOn: shown.reissue!.reissuedOn,
      repairs: shown.reissue!.repairs.map((r) => ({ eventId: r.eventId, repairedOn: r.repairedOn })),
    },
  };
};

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
      const done = await this.attempt(decision, options.resend === true);
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
    if (app.status !== 'approved' || app.decidedOn === null || app.decidedBy === null)
      return { application: app, reissued: [] };
    const decision: RepairDecision = {
      subject: app.subject,
      applicationId: app.id,
      eventIds: [app.eventId],
      decidedOn: app.decidedOn,
      decidedBy: app.decidedBy,
      bureau: bureauOf(app.decidedBy),
      at,
    };
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

  /**
   * The nightly check of one subject (its partition as just read): completes every approval still
   * marked `reissuePending`, and every approval whose published result still lists the record as
   * not repaired (an approval stored before the flag existed); first, it sends again the
   * `record.repaired` messages of approvals the stored records do not show yet (idempotent).
   * Returns how many re-issues it completed.
   */
  async completePending(ref: SubjectRef, partition: SubjectPartition, at: string): Promise<number> {
    const approved = (partition.repairs ?? (await this.store.repairApplications(ref))).filter(
      (a) => a.status === 'approved',
    );
    if (approved.length === 0) return 0;
    await this.resendRepaired(ref, partition, approved, at);
    if (ref.kind === 'practitioner') return 0; // never published (Art 18(6), Art 35)
    const due = approved.filter((a) => a.reissuePending === true);
    const others = approved.filter((a) => a.reissuePending !== true);
    if (others.length > 0 && partition.published.length > 0) {
      const listed = new Set<string>();
      for (const summary of partition.published) {
        const stored = await this.store.getPublished(ref, summary.year);
        for (const i of (stored?.result as unknown as PublishedResult | undefined)?.items ?? [])
          if (i.state !== 'repaired') listed.add(i.eventId);
      }
      due.push(...others.filter((a) => listed.has(a.eventId)));
    }
    for (const app of due) await this.complete(app, at);
    return due.length;
  }

  /** Sends `record.repaired` again for what each approval repaired that the stored records do not show yet. */
  private async resendRepaired(
    ref: SubjectRef,
    partition: SubjectPartition,
    approved: readonly RepairApplication[],
    at: string,
  ): Promise<void> {
    for (const app of approved) {
      const eventIds = await unappliedRepairs(this.store, ref, partition, app);
      if (eventIds.length > 0)
        await this.records.send(
          eventIds.map((eventId) => ({
            type: 'record.repaired' as const,
            eventId,
            subject: ref,
            on: app.decidedOn!,
            source: app.decidedBy ?? 'system:reissue',
            receivedAt: at,
          })),
        );
    }
  }

  /** null: a concurrent re-issue moved a result; read everything again. */
  private async attempt(decision: RepairDecision, resend: boolean): Promise<Reissued[] | null> {
    const ref = decision.subject;
    const partition = await this.store.loadSubject(ref);
    if (partition.published.length === 0) return [];
    const received = partition.records.map((r) => ({ record: r.record, receivedOn: legalDateOfInstant(r.receivedAt) }));
    const bureau = isJurisdictionCode(decision.bureau) ? jurisdictionName(decision.bureau) : decision.bureau;
    let published: PublishedSummary[] = [...partition.published].sort((a, b) => a.year - b.year);
    const out: Reissued[] = [];
    /** The first year whose result shows (or showed before an interruption) this repair. */
    let repairedYear: number | null = null;
    for (const summary of [...published]) {
      if (summary.grade === null) continue;
      const previous = await this.store.getPublished(ref, summary.year);
      if (!previous) continue;
      const before = previous.result as unknown as PublishedResult;
      const repairedHere = before.items
        .filter((i) => decision.eventIds.includes(i.eventId) && i.state !== 'repaired')
        .map((i) => i.eventId);
      const reissuedWithIt = before.reissue?.repairs.some((r) => decision.eventIds.includes(r.eventId)) === true;
      const later = repairedYear !== null && previous.year > repairedYear;
      if (repairedYear === null && (repairedHere.length > 0 || reissuedWithIt)) repairedYear = previous.year;
      if (repairedHere.length === 0) {
        // Re-issued with this repair before, its correction perhaps never queued: queue it again, same key.
        if (resend && reissuedWithIt) await this.push(correctionOf(ref, previous.year, previous.publishedOn, before));
        if (!later) continue;
      }
      // What was publicised with the result, with the repairs it showed and this decision's.
      const repairs = new Map(
        before.items
          .filter((i) => i.state === 'repaired')
          .map((i) => [i.eventId, i.repairedOn ?? previous.publishedOn]),
      );
      for (const eventId of repairedHere) repairs.set(eventId, decision.decidedOn);
      const records = recordsOfReissue(received, previous.publishedOn, repairs);
      const evaluated = await evaluateStored(
        this.store,
        ref,
        { ...partition, published },
        records.evaluated,
        [previous.year],
        previous.publishedOn,
      );
      const result = evaluated.results.get(previous.year) as ScoredResult | undefined;
      if (!result || result.grade === null) continue;
      // A later year is re-issued only when its grade or blacklisting follows the repaired year's grade (I10).
      if (repairedHere.length === 0 && result.blacklisted === before.blacklisted && result.grade === before.grade)
        continue;
      const version = issueOf(before) + 1;
      const reissue: ReissueMark = {
        version,
        reissuedOn: decision.decidedOn,
        article: 'Art 23',
        repairs: [
          ...(before.reissue?.repairs ?? []),
          ...decision.eventIds.map((eventId) => ({ eventId, repairedOn: decision.decidedOn, bureau })),
        ],
      };
      const shown = publishedShape(result, records.shown, reissue);
      const item: PublishedGradeItem = {
        year: previous.year,
        grade: result.grade,
        publishedOn: previous.publishedOn,
        result: shown as unknown as PublishedGradeItem['result'],
      };
      const batchId = correctionBatchId(ref.kind, previous.year, ref.id, version);
      const ok = await this.store.reissuePublished(ref, item, version, version - 1, {
        subject: ref,
        at: decision.at,
        actor: decision.decidedBy,
        action: 'published.reissued',
        what: {
          year: previous.year,
          version,
          applicationId: decision.applicationId,
          eventIds: [...decision.eventIds],
          batchId,
          before: { score: before.score, grade: before.grade, blacklisted: before.blacklisted },
          after: { score: result.score, grade: result.grade, blacklisted: result.blacklisted },
        },
        why: '经核实予以信用修复，按修复后的信息重新评价并重新公开评价结果（第二十三条）',
      });
      if (!ok) return null;
      published = published.map((p) => (p.year === previous.year ? item : p));
      await this.push(correctionOf(ref, previous.year, previous.publishedOn, shown));
      out.push({ year: previous.year, version, batchId });
    }
    return out;
  }
}

export class ReissueError extends EcocreditError {
  override readonly name = 'ReissueError';
}
