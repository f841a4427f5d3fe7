import type { RecordQueue } from '../ports/queue.ts';
import type {
  PublishedResultStore,
  RepairApplication,
  RepairApplicationStore,
  SubjectPartition,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import type { PublishedResult } from './publishedShape.ts';
import type { CompleteReissue } from './repairDecision.ts';
import { unappliedRepairs } from './unappliedRepairs.ts';

/**
 * The nightly check of one subject (its partition as just read): completes every approval still
 * marked `reissuePending`, and every approval whose published result still lists the record as
 * not repaired (an approval stored before the flag existed); first, it sends again the
 * `record.repaired` messages of approvals the stored records do not show yet (idempotent).
 * Returns how many re-issues it completed.
 */
export const completePending = async (
  store: SubjectRecordStore & PublishedResultStore & RepairApplicationStore,
  records: RecordQueue,
  reissue: CompleteReissue,
  ref: SubjectRef,
  partition: SubjectPartition,
  at: string,
): Promise<number> => {
  const approved = (partition.repairs ?? (await store.repairApplications(ref))).filter((a) => a.status === 'approved');
  if (approved.length === 0) return 0;
  await resendRepaired(store, records, ref, partition, approved, at);
  if (ref.kind === 'practitioner') return 0; // never published (Art 18(6), Art 35)
  const due = approved.filter((a) => a.reissuePending === true);
  const others = approved.filter((a) => a.reissuePending !== true);
  if (others.length > 0 && partition.published.length > 0) {
    const listed = new Set<string>();
    for (const summary of partition.published) {
      const stored = await store.getPublished(ref, summary.year);
      for (const i of (stored?.result as unknown as PublishedResult | undefined)?.items ?? [])
        if (i.state !== 'repaired') listed.add(i.eventId);
    }
    due.push(...others.filter((a) => listed.has(a.eventId)));
  }
  for (const app of due) await reissue.complete(app, at);
  return due.length;
};

/** Sends `record.repaired` again for what each approval repaired that the stored records do not show yet. */
const resendRepaired = async (
  store: SubjectRecordStore,
  records: RecordQueue,
  ref: SubjectRef,
  partition: SubjectPartition,
  approved: readonly RepairApplication[],
  at: string,
): Promise<void> => {
  for (const app of approved) {
    const eventIds = await unappliedRepairs(store, ref, partition, app);
    if (eventIds.length > 0)
      await records.send(
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
};
