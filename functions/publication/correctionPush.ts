import { createHash } from 'node:crypto';
import type { PushBatch } from '../ports/creditPlatform.ts';
import type { SubjectRef } from '../ports/store.ts';
import { issueOf, type PublishedResult } from './publishedShape.ts';

/** The idempotency key of one issue's correction: the same issue always gives the same key. */
export const correctionBatchId = (kind: string, year: number, uscc: string, version: number): string =>
  createHash('sha256').update(`correction|${kind}|${year}|${uscc}|${version}`).digest('hex').slice(0, 32);

/** The correction of a re-issued result for the public credit platform, under its issue's own key. */
export const correctionOf = (ref: SubjectRef, year: number, publishedOn: string, shown: PublishedResult): PushBatch => {
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
