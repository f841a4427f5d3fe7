import { legalDateOfInstant } from '../../domain/dates.ts';
import type { SnapshotCommit, SnapshotGroupStore, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import type { ReissuePublished } from '../publication/reissuePublished.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError } from '../shared/errors.ts';
import { mapLimit } from '../shared/mapLimit.ts';
import {
  type Evaluated,
  employingAgency,
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

/** A subject read and evaluated, with the snapshots it has to write. */
interface Evaluation {
  readonly ref: SubjectRef;
  readonly now: Date;
  readonly evaluated: Evaluated;
  readonly writes: ReturnType<typeof snapshotWrites>;
  readonly drift: boolean;
}

/** The re-issue of a subject's published results (Art 23 ¶2): tried once per subject and night; its failure is kept to report. */
interface ReissueCheck {
  checked: boolean;
  failure?: unknown;
}

type Outcome = { readonly changed: boolean; readonly drift: boolean };

interface Tally {
  changed: number;
  readonly driftSubjects: string[];
  readonly failed: { subject: SubjectRef; error: unknown }[];
}

/** Why a subject is evaluated: its nightly turn, or its staff's links changed in this run (Annex 2). */
type Why = 'night' | 'staffChanged';

const keyOf = (ref: SubjectRef): string => `${ref.kind}:${ref.id}`;

export class RescoreSubjects {
  constructor(
    private readonly store: SubjectRecordStore & SnapshotGroupStore,
    private readonly clock: Clock,
    private readonly concurrency = 5,
    /** Completes pending re-issues after approved repairs (Art 23 ¶2); without it, none are. */
    private readonly reissue?: Pick<ReissuePublished, 'completePending'>,
  ) {}

  /**
   * Two steps: every subject is read and evaluated (a few at a time), then the snapshots of all that
   * changed are written together, in as few transactions as fit, and each one's staff link follows.
   * A subject whose group was refused (a concurrent change) or failed is read again and committed
   * alone, so only a subject whose own write fails is reported failed. The employers of
   * practitioners whose staff link changed are then evaluated again the same way (Annex 2), so the
   * night converges whatever order the subjects come in; the change of such an employer's result is
   * put down to its staff, not checked as drift.
   */
  async execute(
    requested: readonly SubjectRef[],
    /**
     * The batch was handed out before (a crash or a failure): the staff links it wrote may have
     * outlived their employers' evaluation, so every practitioner's employer is evaluated again.
     */
    options: { readonly redelivered?: boolean } = {},
  ): Promise<RescoreSummary> {
    const subjects = [...new Map(requested.map((ref) => [keyOf(ref), ref])).values()];
    const tally: Tally = { changed: 0, driftSubjects: [], failed: [] };
    let employers = await this.round(subjects, tally, 'night', options.redelivered === true);
    while (employers.length > 0) employers = await this.round(employers, tally, 'staffChanged', false);
    const requestedKeys = new Set(subjects.map(keyOf));
    // A subject may fail in both rounds (its own turn, and again as an employer): counted once.
    const failedRequested = new Set(tally.failed.map((f) => keyOf(f.subject)).filter((k) => requestedKeys.has(k))).size;
    const { changed, driftSubjects, failed } = tally;
    return { subjects: subjects.length - failedRequested, changed, drift: driftSubjects.length, driftSubjects, failed };
  }

  /**
   * One round of the two steps; returns the employers whose staff changed (to evaluate again). The
   * employers' round counts no subject (each is counted in its own batch) and finds no drift: their
   * result changed because their staff did.
   */
  private async round(
    subjects: readonly SubjectRef[],
    tally: Tally,
    why: Why,
    everyEmployer: boolean,
  ): Promise<SubjectRef[]> {
    const employers = new Map<string, SubjectRef>();
    const reissues = new Map<SubjectRef, ReissueCheck>(subjects.map((ref) => [ref, { checked: false }]));
    // A practitioner's first counted date per year feeds its employer agency's staff rule (Annex 2).
    const finish = async (ref: SubjectRef, evaluated: Evaluated, outcome: Outcome) => {
      const changedEmployer = await updateStaffLink(this.store, ref, evaluated);
      const employer = changedEmployer ?? (everyEmployer ? employingAgency(evaluated) : null);
      if (employer) employers.set(keyOf(employer), employer);
      const reissue = reissues.get(ref)!;
      if ('failure' in reissue) throw reissue.failure;
      if (outcome.changed && why === 'night') tally.changed++;
      if (outcome.drift) tally.driftSubjects.push(keyOf(ref));
    };
    const toWrite: Evaluation[] = [];
    await this.eachOf(subjects, tally.failed, async (ref) => {
      const evaluation = await this.evaluate(ref, reissues.get(ref)!, why);
      if (evaluation.writes.length > 0) toWrite.push(evaluation);
      else await finish(ref, evaluation.evaluated, { changed: false, drift: false });
    });
    const outcomes = toWrite.length > 0 ? await this.store.commitSnapshotGroup(toWrite.map(commitOf)) : [];
    await this.eachOf(toWrite, tally.failed, async (evaluation, i) => {
      const outcome = outcomes[i]!;
      const { ref } = evaluation;
      if (outcome.status === 'written')
        return finish(ref, evaluation.evaluated, { changed: true, drift: evaluation.drift });
      // Refused, or failed with its group: committed alone, so that only a subject whose own write fails fails.
      const alone = await this.rescore(ref, reissues.get(ref)!, why);
      await finish(ref, alone.evaluated, alone);
    });
    return [...employers.values()];
  }

  /**
   * The work is mostly waiting on DynamoDB: a few items at a time. One that fails is set aside with
   * its error (and its subject); the others go on.
   */
  private async eachOf<T extends SubjectRef | Evaluation>(
    items: readonly T[],
    failed: Tally['failed'],
    work: (item: T, index: number) => Promise<void>,
  ): Promise<void> {
    await mapLimit(items, this.concurrency, async (item, index) => {
      try {
        await work(item, index);
      } catch (error) {
        failed.push({ subject: 'ref' in item ? item.ref : item, error });
      }
    });
  }

  /** The subject read, its pending re-issue completed first (once), evaluated, and its writes found. */
  private async evaluate(ref: SubjectRef, reissue: ReissueCheck, why: Why): Promise<Evaluation> {
    for (;;) {
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
        if (!stored || !w.contentChanged || why === 'staffChanged') continue;
        // Would the records have given the stored result on its own date? If not, it drifted.
        const then = await evaluateStored(this.store, ref, partition, records, [stored.year], stored.asOf);
        const expected = then.results.get(stored.year);
        if (expected && JSON.stringify(publicShape(expected)) !== JSON.stringify(stored.result)) drift = true;
      }
      return { ref, now, evaluated, writes, drift };
    }
  }

  /** One subject alone: read, evaluate and commit, again while a concurrent change refuses the commit. */
  private async rescore(ref: SubjectRef, reissue: ReissueCheck, why: Why): Promise<Outcome & { evaluated: Evaluated }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const evaluation = await this.evaluate(ref, reissue, why);
      if (evaluation.writes.length > 0 && !(await this.store.commitSubject(commitOf(evaluation)))) continue;
      return { changed: evaluation.writes.length > 0, drift: evaluation.drift, evaluated: evaluation.evaluated };
    }
    throw new ConcurrentUpdateError(`subject ${ref.kind}:${ref.id} kept changing during rescoring`);
  }
}

/** The snapshots to write, each guarded by the version read, with the audit of a repaired drift. */
const commitOf = ({ ref, now, writes, drift }: Evaluation): SnapshotCommit => ({
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
