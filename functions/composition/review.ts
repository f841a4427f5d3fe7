import type { SubjectDirectory } from '../ports/store.ts';
import { listedParticipants } from '../publication/listedParticipants.ts';
import { planFreeze } from '../publication/publishResults.ts';
import type { ReportGate } from '../reports/reportGate.ts';
import { ReviewGate } from '../review/reviewGate.ts';
import type { ReviewSourcePorts } from '../review/reviewSources.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What the review reads (the composition's edges of the same names). */
export const reviewSourcesOf = (
  e: Pick<Edges, 'leagueReports' | 'objections' | 'reviews' | 'comments'>,
): ReviewSourcePorts => ({
  reports: e.leagueReports,
  objections: e.objections,
  comments: e.comments,
  reviews: e.reviews,
});

export type ReviewGateEdges = Pick<
  Edges,
  'leagueReports' | 'clock' | 'rescoreQueue' | 'participants' | 'reviews' | 'objections' | 'comments'
> &
  StoreEdge<SubjectDirectory>;

/**
 * The review's gate on `reviewConfirmed` and the freeze of the final results it starts (batched
 * through the rescore queue like publication). Every composition that records acts has it.
 */
export const reviewGateOf = (e: ReviewGateEdges): ReportGate =>
  new ReviewGate(
    reviewSourcesOf(e),
    async (kind, year, on) =>
      planFreeze(e.store, await listedParticipants(e.participants, kind, year), kind, year, on, (m) =>
        e.rescoreQueue.send(m),
      ),
    e.clock,
  );
