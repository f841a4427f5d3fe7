import { legalDateOfInstant } from '../../domain/dates.ts';
import { isJurisdictionCode, jurisdictionName } from '../../domain/identifiers/leagues.ts';
import type { PushBatch } from '../ports/creditPlatform.ts';
import type { PublishedResultStore, PublishedSummary, SubjectRecordStore } from '../ports/store.ts';
import { correctionOf } from './correctionPush.ts';
import type { PublishedResult } from './publishedShape.ts';
import { reissueYear } from './reissueYear.ts';
import type { Reissued, RepairDecision } from './repairDecision.ts';

/**
 * One pass over a subject's published years for a repair decision (Art 23 ¶2): each year listing a
 * repaired record as it was is re-issued and its correction queued; a later year follows when its
 * grade or blacklisting depended on the repaired year's (I10). With `resend`, a year re-issued with
 * this repair before has its correction queued again under the same key.
 *
 * null: a concurrent re-issue moved a result; read everything again.
 */
export const reissueDecision = async (
  store: SubjectRecordStore & PublishedResultStore,
  push: (batch: PushBatch) => Promise<void>,
  decision: RepairDecision,
  resend: boolean,
): Promise<Reissued[] | null> => {
  const ref = decision.subject;
  const partition = await store.loadSubject(ref);
  if (partition.published.length === 0) return [];
  const received = partition.records.map((r) => ({ record: r.record, receivedOn: legalDateOfInstant(r.receivedAt) }));
  const bureau = isJurisdictionCode(decision.bureau) ? jurisdictionName(decision.bureau) : decision.bureau;
  let published: PublishedSummary[] = [...partition.published].sort((a, b) => a.year - b.year);
  const out: Reissued[] = [];
  /** The first year whose result shows (or showed before an interruption) this repair. */
  let repairedYear: number | null = null;
  for (const summary of [...published]) {
    if (summary.grade === null) continue;
    const previous = await store.getPublished(ref, summary.year);
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
      if (resend && reissuedWithIt) await push(correctionOf(ref, previous.year, previous.publishedOn, before));
      if (!later) continue;
    }
    const year = await reissueYear(store, { decision, partition, published, received, bureau }, previous, repairedHere);
    if (year.status === 'lost') return null;
    if (year.status === 'unchanged') continue;
    published = published.map((p) => (p.year === previous.year ? year.item : p));
    await push(correctionOf(ref, previous.year, previous.publishedOn, year.shown));
    out.push(year.reissued);
  }
  return out;
};
