// ---------------------------------------------------------------------------------------------------
// Repairs and publication (Art 23; Art 16(5)-(6), 17(7)-(8)): the compositions of the repair use
// cases, ReissuePublished and PublishResults, shared by repairs-api, rescore-worker and the local
// runtime. Keep their constructors' arguments in step here. The cycle functions (cycles-api,
// deadline, rescore-planner) compose their small part of these in ./cycles.ts, so that their
// bundles do not carry the repair use cases.
// ---------------------------------------------------------------------------------------------------
import { PublishResults } from '../publication/publishResults.ts';
import { type CompleteReissue, ReissuePublished } from '../publication/reissuePublished.ts';
import { type RepairUseCases, repairUseCases } from '../repairs/repairUseCases.ts';
import type { Edges } from './edges.ts';

export type RepairEdges = Pick<Edges, 'store' | 'cycleStore' | 'scheduler' | 'recordQueue' | 'pushQueue' | 'clock'>;

/** Test seam of the local runtime: wraps the re-issue a repair decision runs once stored. */
export interface RepairSeams {
  readonly wrapReissue?: (r: CompleteReissue) => CompleteReissue;
}

/** Re-issues the published results a repair changes and pushes their corrections (Art 23). */
export const reissuePublished = (e: Pick<Edges, 'store' | 'pushQueue' | 'recordQueue'>): ReissuePublished =>
  new ReissuePublished(e.store, (batch) => e.pushQueue.send([batch]), e.recordQueue);

export const repairService = (e: RepairEdges, seams: RepairSeams = {}): RepairUseCases => {
  const reissue = reissuePublished(e);
  return repairUseCases({
    store: e.store,
    cycles: e.cycleStore,
    scheduler: e.scheduler,
    queue: e.recordQueue,
    clock: e.clock,
    reissue: seams.wrapReissue ? seams.wrapReissue(reissue) : reissue,
  });
};

/** Publishes a batch of a year's results and hands it to the push queue (the rescore worker's part). */
export const publishResults = (e: Pick<Edges, 'store' | 'pushQueue'>): PublishResults =>
  new PublishResults(e.store, (batch) => e.pushQueue.send([batch]));
