import type { SubjectDirectory } from '../ports/store.ts';
import { planFreeze } from '../publication/publishResults.ts';
import type { ReportGate } from '../reports/reportGate.ts';
import { bothGates, ReviewGate } from '../review/reviewGate.ts';
import type { ReviewSourcePorts } from '../review/reviewSources.ts';
import { registeredListed } from '../shared/subjects.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { freezeListOf, type PractitionerResultsEdges, practitionerResultsGateOf } from './practitionerResults.ts';

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
  'leagueReports' | 'clock' | 'rescoreQueue' | 'participants' | 'reviews' | 'objections' | 'comments' | 'finalResults'
> &
  StoreEdge<SubjectDirectory> &
  PractitionerResultsEdges;

/**
 * The review's gate on `reviewConfirmed` and the freeze of the final results it starts (batched
 * through the rescore queue like publication; practitioners' too, Art 18(5)), with the gate on the
 * practitioners' `resultsNotified` (Art 18(6): notices to the leagues and the letters). Every
 * composition that records acts has it.
 */
export const reviewGateOf = (e: ReviewGateEdges): ReportGate =>
  bothGates(reviewOnlyGateOf(e), practitionerResultsGateOf(e));

const reviewOnlyGateOf = (e: ReviewGateEdges): ReportGate =>
  new ReviewGate(
    reviewSourcesOf(e),
    async (kind, year, on) =>
      planFreeze(e.store, await freezeListOf(e.participants, kind, year), kind, year, on, (m) =>
        e.rescoreQueue.send(m),
      ),
    e.clock,
    async (kind, year) => {
      // The same participants as the freeze plans: registered, and on the year's lists.
      const expected = (await registeredListed(e.store, await freezeListOf(e.participants, kind, year), kind)).length;
      const finals = kind === 'practitioner' ? [] : await e.finalResults.finalResults(year, kind);
      return { expected, frozen: finals.length, evaluatedOn: finals[0]?.evaluatedOn ?? null };
    },
  );
