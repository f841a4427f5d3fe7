import { ApplySubjectMessages } from '../ingest-worker/applySubjectMessages.ts';
import { createIngestWorkerHandler } from '../ingest-worker/handler.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { ClaimStore, OutboxStore, ProfileStore, SubjectBatchStore, SubjectRecordStore } from '../ports/store.ts';
import { NoteWarning } from '../warnings/noteWarning.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The records queue's consumer. `afterCommit` is the local runtime's crash seam (tests only). */
export const composeIngestWorker = (
  e: Pick<Edges, 'recordQueue' | 'cycleStore' | 'scheduler' | 'clock' | 'logger' | 'warnings'> &
    StoreEdge<
      SubjectRecordStore &
        SubjectBatchStore &
        ProfileStore &
        Pick<OutboxStore, 'setAside' | 'recordFailure'> &
        Pick<ClaimStore, 'getClaims'>
    >,
  seams: { readonly afterCommit?: () => void } = {},
) => {
  // Credit-warning deadlines (Art 22): indexed for the nightly sweep, then scheduled.
  // The warning's document too, so that its bureau's list shows it (docs/warnings.md); never holds up ingestion.
  const logger = e.logger('ingest-worker');
  const noteWarning = new NoteWarning({ store: e.store, warnings: e.warnings, clock: e.clock });
  const scheduleWarning = async (t: DeadlineTarget) => {
    await e.cycleStore.indexDeadline(t);
    await e.scheduler.schedule(t);
    if (t.kind === 'warning' && t.owner.kind === 'subject')
      await noteWarning
        .execute(t.owner.subject, t.deadlineId)
        .catch((err) => logger.warn('credit warning document not noted', { error: String(err) }));
  };
  return createIngestWorkerHandler(
    new ApplySubjectMessages(e.store, e.recordQueue, e.clock, seams.afterCommit, scheduleWarning),
    logger,
    e.store,
    () => e.clock.now(),
  );
};
