import { legalDateOfInstant } from '../../domain/dates.ts';
import type { SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import type { ReissuePublished } from '../publication/reissuePublished.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError } from '../shared/errors.ts';
import {
  evaluateStored,
  liveYears,
  publicShape,
  snapshotWrites,
  updateStaffLink,
} from '../shared/subjectEvaluation.ts';

/**
 * Nightly rescoring of a batch of subjects: each is re-evaluated from its records (the
 * source of truth) and only snapshots that changed are written. A change is **drift** when the stored
 * snapshot is not what its own records gave on its own as-of date (edited behind the system's back,
 * or a lost write); a change only because a day passed (a warning deadline, a new year) is not.
 *
 * The night also completes what an approved repair left undone (Art 23 ¶2): a re-issue of the
 * published results still pending (the decision request failed after storing the decision), or a
 * published result still listing an approved repair's record as counted. A subject whose re-issue
 * fails is rescored all the same and then reported failed, so its message is retried.
 */
export interface RescoreSummary {
  /** Subjects rescored (those that failed are not counted here). */
  readonly subjects: number;
  readonly changed: number;
  readonly drift: number;
  readonly driftSubjects: readonly string[];
  /** Subjects that could not be rescored, each with its error; the others were rescored all the same. */
  readonly failed: readonly { readonly subject: SubjectRef; readonly error: unknown }[];
}

export class RescoreSubjects {
  constructor(
    private readonly store: SubjectRecordStore,
    private readonly clock: Clock,
    private readonly concurrency = 5,
    /** Completes pending re-issues after approved repairs (Art 23 ¶2); without it, none are. */
    private readonly reissue?: Pick<ReissuePublished, 'completePending'>,
  ) {}

  async execute(subjects: readonly SubjectRef[]): Promise<RescoreSummary> {
    let changed = 0;
    const driftSubjects: string[] = [];
    const failed: { subject: SubjectRef; error: unknown }[] = [];
    // The work is mostly waiting on DynamoDB: a few subjects at a time. A subject that fails is set
    // aside with its error; the others of the batch go on.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(this.concurrency, subjects.length) }, async () => {
        while (next < subjects.length) {
          const ref = subjects[next++]!;
          try {
            const outcome = await this.one(ref);
            if (outcome.changed) changed++;
            if (outcome.drift) driftSubjects.push(`${ref.kind}:${ref.id}`);
          } catch (error) {
            failed.push({ subject: ref, error });
          }
        }
      }),
    );
    return { subjects: subjects.length - failed.length, changed, drift: driftSubjects.length, driftSubjects, failed };
  }

  /**
   * A practitioner whose staff link changed re-evaluates its employer in the same run (Annex 2), so
   * the night converges whatever order the subjects come in.
   */
  private async employerOf(ref: SubjectRef, evaluated: Awaited<ReturnType<typeof evaluateStored>>): Promise<void> {
    const employer = await updateStaffLink(this.store, ref, evaluated);
    if (employer) await this.one(employer);
  }

  private async one(ref: SubjectRef): Promise<{ changed: boolean; drift: boolean }> {
    const reissue: { checked: boolean; failure?: unknown } = { checked: false };
    const outcome = await this.rescore(ref, reissue);
    if ('failure' in reissue) throw reissue.failure;
    return outcome;
  }

  private async rescore(
    ref: SubjectRef,
    reissue: { checked: boolean; failure?: unknown },
  ): Promise<{ changed: boolean; drift: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.clock.now();
      const today = legalDateOfInstant(now);
      const partition = await this.store.loadSubject(ref);
      if (this.reissue && !reissue.checked) {
        reissue.checked = true;
        try {
          // A re-issued result may change a later year's blacklisting (I10): read the subject again.
          if ((await this.reissue.completePending(ref, partition, now.toISOString())) > 0) continue;
        } catch (error) {
          reissue.failure = error;
        }
      }
      const records = partition.records.map((r) => r.record);
      const evaluated = await evaluateStored(this.store, ref, partition, records, liveYears(today), today);
      const writes = snapshotWrites(partition, evaluated, today, now.toISOString());
      let drift = false;
      for (const w of writes) {
        const stored = partition.snapshots.find((s) => s.year === w.snapshot.year);
        if (!stored || !w.contentChanged) continue;
        // Would the records have given the stored result on its own date? If not, it drifted.
        const then = await evaluateStored(this.store, ref, partition, records, [stored.year], stored.asOf);
        const expected = then.results.get(stored.year);
        if (expected && JSON.stringify(publicShape(expected)) !== JSON.stringify(stored.result)) drift = true;
      }
      if (writes.length === 0) {
        await this.employerOf(ref, evaluated);
        return { changed: false, drift: false };
      }
      const ok = await this.store.commitSubject({
        subject: ref,
        snapshots: writes.map(({ snapshot, expectedVersion }) => ({ snapshot, expectedVersion })),
        audit: drift
          ? [
              {
                subject: ref,
                at: now.toISOString(),
                actor: 'system:nightly',
                action: 'snapshot.drift-repaired',
                what: { years: writes.map((w) => w.snapshot.year) },
                why: '快照与信用记录不一致，已按记录重新计算',
              },
            ]
          : [],
      });
      if (!ok) continue;
      await this.employerOf(ref, evaluated);
      return { changed: true, drift };
    }
    throw new ConcurrentUpdateError(`subject ${ref.kind}:${ref.id} kept changing during rescoring`);
  }
}
