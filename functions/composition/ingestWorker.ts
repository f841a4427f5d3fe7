import { ApplyRecordMessage } from '../ingest-worker/applyRecordMessage.ts';
import { createIngestWorkerHandler } from '../ingest-worker/handler.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import type { OutboxStore, ProfileStore, SubjectRecordStore } from '../ports/store.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The records queue's consumer. `afterCommit` is the local runtime's crash seam (tests only). */
export const composeIngestWorker = (
  e: Pick<Edges, 'recordQueue' | 'cycleStore' | 'scheduler' | 'clock' | 'logger'> &
    StoreEdge<SubjectRecordStore & ProfileStore & Pick<OutboxStore, 'setAside' | 'recordFailure'>>,
  seams: { readonly afterCommit?: () => void } = {},
) => {
  // Credit-warning deadlines (Art 22): indexed for the nightly sweep, then scheduled.
  const scheduleWarning = async (t: DeadlineTarget) => {
    await e.cycleStore.indexDeadline(t);
    await e.scheduler.schedule(t);
  };
  return createIngestWorkerHandler(
    new ApplyRecordMessage(e.store, e.recordQueue, e.clock, seams.afterCommit, scheduleWarning),
    e.logger('ingest-worker'),
    e.store,
    () => e.clock.now(),
  );
};
