import { createHash } from 'node:crypto';
import type { LegalDate } from '../../domain/dates.ts';
import type { PublishedEntry, PushBatch } from '../ports/creditPlatform.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { CreditStore, SubjectRef } from '../ports/store.ts';
import { evaluateStored, publicShape } from '../shared/subjectEvaluation.ts';
import { chunks, listAllSubjects } from '../shared/subjects.ts';

/**
 * Publication (Art 16(5), 17(7)): when the region publishes a year's results, every enterprise or
 * agency gets its final result of that year as of the publication date, which the public lookup
 * serves from then on. Suspended subjects (I15) get no published grade; practitioners are never
 * published (Art 18(6), Art 35). Fanned out in batches; writing a published result twice is harmless.
 */
export interface PublicationMessage {
  readonly type: 'publish';
  readonly kind: 'enterprise' | 'agency';
  readonly year: number;
  readonly publishedOn: LegalDate;
  readonly subjects: readonly SubjectRef[];
}

export const PUBLICATION_BATCH = 25;

export class PublishResults {
  constructor(
    private readonly store: CreditStore,
    /** Hands each published batch to the push queue (Art 16(6), 17(8)). */
    private readonly push?: (batch: PushBatch) => Promise<void>,
  ) {}

  /** Plans the fan-out: one message per batch of subjects of the kind. */
  async plan(kind: CycleKind, year: number, publishedOn: LegalDate, send: (m: readonly PublicationMessage[]) => Promise<void>, segments = 4): Promise<number> {
    if (kind === 'practitioner') return 0;
    const subjects = (await listAllSubjects(this.store, segments)).filter((s) => s.kind === kind);
    await send(chunks(subjects, PUBLICATION_BATCH).map((batch) => ({ type: 'publish', kind, year, publishedOn, subjects: batch })));
    return subjects.length;
  }

  /** Publishes the results of one batch; returns how many were published. */
  async execute(m: PublicationMessage): Promise<number> {
    let published = 0;
    const entries: PublishedEntry[] = [];
    for (const ref of m.subjects) {
      const partition = await this.store.loadSubject(ref);
      const records = partition.records.map((r) => r.record);
      const evaluated = await evaluateStored(this.store, ref, partition, records, [m.year], m.publishedOn);
      const result = evaluated.results.get(m.year);
      if (!result || !('grade' in result) || result.grade === null) continue; // I15: suspended, no grade
      await this.store.putPublished(ref, { year: m.year, grade: result.grade, publishedOn: m.publishedOn, result: publicShape(result) });
      entries.push({ uscc: ref.id, name: result.subject.name, league: result.subject.league, grade: result.grade, score: result.score, blacklisted: result.blacklisted });
      published++;
    }
    if (this.push && entries.length > 0) {
      const batchId = createHash('sha256').update(`${m.kind}|${m.year}|${m.publishedOn}|${entries.map((e) => e.uscc).join(',')}`).digest('hex').slice(0, 32);
      await this.push({ type: 'push', batchId, kind: m.kind, year: m.year, publishedOn: m.publishedOn, entries });
    }
    return published;
  }
}
