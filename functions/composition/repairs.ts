// ---------------------------------------------------------------------------------------------------
// Repairs and publication (Art 23; Art 16(5)-(6), 17(7)-(8)): the compositions of the repair use
// cases, ReissuePublished and PublishResults, shared by repairs-api, rescore-worker and the local
// runtime. Keep their constructors' arguments in step here. The cycle functions (cycles-api,
// deadline, rescore-planner) compose their small part of these in ./cycles.ts, so that their
// bundles do not carry the repair use cases.
// ---------------------------------------------------------------------------------------------------
import type { ProfileStore, PublishedResultStore, RepairApplicationStore, SubjectRecordStore } from '../ports/store.ts';
import { PublishResults } from '../publication/publishResults.ts';
import { QueuedReissue } from '../publication/queuedReissue.ts';
import { type CompleteReissue, ReissuePublished } from '../publication/reissuePublished.ts';
import { type RepairUseCases, repairUseCases } from '../repairs/repairUseCases.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What a re-issue of published results reads and writes of the store (Art 23). */
export type ReissueStore = SubjectRecordStore & PublishedResultStore & RepairApplicationStore;

export type RepairEdges = Pick<Edges, 'cycleStore' | 'scheduler' | 'recordQueue' | 'rescoreQueue' | 'clock'> &
  StoreEdge<SubjectRecordStore & RepairApplicationStore & ProfileStore>;

/** Test seam of the local runtime: wraps the re-issue a repair decision runs once stored. */
export interface RepairSeams {
  readonly wrapReissue?: (r: CompleteReissue) => CompleteReissue;
}

/** Re-issues the published results a repair changes and pushes their corrections (Art 23). */
export const reissuePublished = (
  e: Pick<Edges, 'pushQueue' | 'recordQueue'> & StoreEdge<ReissueStore>,
): ReissuePublished => new ReissuePublished(e.store, (batch) => e.pushQueue.send([batch]), e.recordQueue);

/**
 * The repair use cases of the API and the pages. A decision's re-issue of published results is
 * handed to the rescore worker (QueuedReissue), so these functions carry none of the evaluation.
 */
export const repairService = (e: RepairEdges, seams: RepairSeams = {}): RepairUseCases => {
  const reissue = new QueuedReissue((messages) => e.rescoreQueue.send(messages));
  return repairUseCases({
    store: e.store,
    cycles: e.cycleStore,
    scheduler: e.scheduler,
    queue: e.recordQueue,
    clock: e.clock,
    reissue: seams.wrapReissue ? seams.wrapReissue(reissue) : reissue,
  });
};

/** Publishes a batch of a year's results, tells each unit its result, and hands the batch to the push queue (the rescore worker's part). */
export const publishResults = (
  e: Pick<Edges, 'pushQueue' | 'finalResults' | 'notices' | 'clock'> & StoreEdge<ReissueStore>,
): PublishResults =>
  new PublishResults(e.store, (batch) => e.pushQueue.send([batch]), e.finalResults, {
    notices: e.notices,
    clock: e.clock,
  });
