import { createHash } from 'node:crypto';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LegalDate } from '../../domain/dates.ts';
import type { PublishedEntry, PushBatch } from '../ports/creditPlatform.ts';
import type {
  PublishedGradeItem,
  PublishedResultStore,
  RepairApplicationStore,
  SubjectDirectory,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import { EcocreditError } from '../shared/errors.ts';
import { evaluateStored } from '../shared/subjectEvaluation.ts';
import { chunks, listAllSubjects } from '../shared/subjects.ts';
import { issueOf, publishedShape, withApprovedRepairs } from './publishedShape.ts';

/**
 * Publication (Art 16(5), 17(7)): when the region publishes a year's results, every enterprise or
 * agency on that year's lists of participants (Art 16(1), 17(1): the later stages run over the lists)
 * gets its final result of that year as of the publication date, which the public lookup
 * serves from then on. Suspended subjects (I15) get no published grade; practitioners are never
 * published (Art 18(6), Art 35). The published result lists the year's own records and the
 * carried-over ones (Art 19, `publishedResult`), each repaired record with its repair date.
 * Fanned out in batches; writing a published result twice is harmless, and never replaces a result
 * re-issued since.
 */
export interface PublicationMessage {
  readonly type: 'publish';
  readonly kind: 'enterprise' | 'agency';
  readonly year: number;
  readonly publishedOn: LegalDate;
  readonly subjects: readonly SubjectRef[];
}

export const PUBLICATION_BATCH = 25;

/**
 * Plans a year's publication: one message per batch of the registered subjects of the kind that are on
 * the year's lists (`listed`); returns how many subjects. It reads only the directory of subjects and
 * the lists, so a function that only plans (the cycles API) carries nothing of the evaluation.
 */
export const planPublication = async (
  directory: SubjectDirectory,
  listed: ReadonlySet<string>,
  kind: CycleKind,
  year: number,
  publishedOn: LegalDate,
  send: (m: readonly PublicationMessage[]) => Promise<void>,
  segments = 4,
): Promise<number> => {
  if (kind === 'practitioner') return 0;
  const subjects = (await listAllSubjects(directory, segments)).filter((s) => s.kind === kind && listed.has(s.id));
  await send(
    chunks(subjects, PUBLICATION_BATCH).map((batch) => ({ type: 'publish', kind, year, publishedOn, subjects: batch })),
  );
  return subjects.length;
};

export class PublishResults {
  constructor(
    private readonly store: SubjectRecordStore & PublishedResultStore & RepairApplicationStore,
    /** Hands each published batch to the push queue (Art 16(6), 17(8)). */
    private readonly push?: (batch: PushBatch) => Promise<void>,
  ) {}

  /**
   * Publishes the results of one batch and pushes them; returns how many were published. Each
   * subject is published on its own: one that fails is set aside, the others are published and
   * pushed, then the message fails (`PublicationIncompleteError`) so that its retry publishes the rest.
   */
  async execute(m: PublicationMessage): Promise<number> {
    const entries: PublishedEntry[] = [];
    const failed: { subject: SubjectRef; error: unknown }[] = [];
    for (const ref of m.subjects) {
      try {
        const entry = await this.one(ref, m);
        if (entry) entries.push(entry);
      } catch (error) {
        failed.push({ subject: ref, error });
      }
    }
    if (this.push && entries.length > 0) {
      const batchId = createHash('sha256')
        .update(`${m.kind}|${m.year}|${m.publishedOn}|${entries.map((e) => e.uscc).join(',')}`)
        .digest('hex')
        .slice(0, 32);
      await this.push({ type: 'push', batchId, kind: m.kind, year: m.year, publishedOn: m.publishedOn, entries });
    }
    if (failed.length > 0)
      throw new PublicationIncompleteError(
        `results of ${m.year} not published for ${failed.map((f) => `${f.subject.kind}:${f.subject.id}`).join(', ')}`,
        { cause: failed[0]!.error },
      );
    return entries.length;
  }

  /** One subject's result, stored as published; null when it gets none or was re-issued since. */
  private async one(ref: SubjectRef, m: PublicationMessage): Promise<PublishedEntry | null> {
    const partition = await this.store.loadSubject(ref);
    // A re-delivered message never overwrites a result re-issued since (Art 23).
    if (partition.published.some((p) => p.year === m.year)) {
      const existing = await this.store.getPublished(ref, m.year);
      if (existing && issueOf(existing.result) > 1) return null;
    }
    // Art 23 ¶1: repairs confirmed during the publicity are in the final result, even while their
    // decision is still on its way to the stored record.
    const records = withApprovedRepairs(
      partition.records.map((r) => r.record),
      await this.store.repairApplications(ref),
    );
    const evaluated = await evaluateStored(this.store, ref, partition, records, [m.year], m.publishedOn);
    const result = evaluated.results.get(m.year);
    if (!result || !('grade' in result) || result.grade === null) return null; // I15: suspended, no grade
    const shown = publishedShape(result, records) as unknown as PublishedGradeItem['result'];
    // False: re-issued between the check above and this write; the re-issue stays (Art 23).
    if (
      !(await this.store.putPublished(ref, {
        year: m.year,
        grade: result.grade,
        publishedOn: m.publishedOn,
        result: shown,
      }))
    )
      return null;
    return {
      uscc: ref.id,
      name: result.subject.name,
      league: result.subject.league,
      grade: result.grade,
      score: result.score,
      blacklisted: result.blacklisted,
    };
  }
}

export class PublicationIncompleteError extends EcocreditError {
  override readonly name = 'PublicationIncompleteError';
}
