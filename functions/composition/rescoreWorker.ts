import { IssueConfirmationNotices } from '../notices/issueConfirmationNotices.ts';
import type { SnapshotGroupStore } from '../ports/store.ts';
import { createRescoreWorkerHandler } from '../rescore-worker/handler.ts';
import { RescoreSubjects, type RescoreSummary } from '../rescore-worker/rescoreSubjects.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { publishResults, type ReissueStore, reissuePublished } from './repairs.ts';

/** Subjects rescored in parallel within one message. */
const RESCORE_CONCURRENCY = 5;

/** The rescore queue's consumer: nightly rescoring, the freeze of the final results and publication batches. `onSummary`: the local runtime's progress. */
export const composeRescoreWorker = (
  e: Pick<Edges, 'pushQueue' | 'recordQueue' | 'clock' | 'logger' | 'notices' | 'finalResults'> &
    StoreEdge<ReissueStore & SnapshotGroupStore>,
  seams: { readonly onSummary?: (s: RescoreSummary) => void } = {},
) =>
  createRescoreWorkerHandler(
    new RescoreSubjects(e.store, e.clock, RESCORE_CONCURRENCY, reissuePublished(e)),
    e.logger('rescore-worker'),
    seams.onSummary,
    publishResults(e),
    new IssueConfirmationNotices(e.store, e.notices, e.clock),
  );
