import type { DeliveryPorts } from '../ingest-http/delivery.ts';
import { ReviseRecords } from '../objections/reviseRecords.ts';
import type { RepairApplicationStore, SubjectRecordStore } from '../ports/store.ts';
import { DecideReviewItem } from '../review/decideReviewItem.ts';
import { ListReview } from '../review/listReview.ts';
import { ReadReviewItem } from '../review/readReviewItem.ts';
import type { ReviewConsoleDeps } from '../web/console/review/deps.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { reviewSourcesOf } from './review.ts';

export type ReviewPageEdges = Pick<
  Edges,
  'clock' | 'cycleStore' | 'leagueReports' | 'objections' | 'comments' | 'reviews' | 'recordQueue' | 'notices'
> &
  StoreEdge<DeliveryPorts['store'] & SubjectRecordStore & RepairApplicationStore>;

/** The review group's pages (docs/review.md): a change revokes or corrects records through the records' own path. */
export const webConsoleReviewDeps = (e: ReviewPageEdges): ReviewConsoleDeps => {
  const sources = reviewSourcesOf(e);
  const revise = new ReviseRecords({
    store: e.store,
    clock: e.clock,
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    enqueue: (messages) => e.recordQueue.send(messages),
  });
  return {
    review: {
      list: new ListReview(sources, e.cycleStore),
      read: new ReadReviewItem(sources, e.cycleStore, e.store, e.clock),
      decide: new DecideReviewItem({ ...sources, reviews: e.reviews }, e.cycleStore, e.store, revise, e.clock, {
        objections: e.objections,
        notices: e.notices,
      }),
    },
  };
};

/** The items' Excel download reads them through the same use case (the `webExports` function). */
export const reviewExportDeps = (
  e: Pick<Edges, 'cycleStore' | 'leagueReports' | 'objections' | 'comments' | 'reviews'>,
): Pick<ReviewConsoleDeps['review'], 'list'> => ({ list: new ListReview(reviewSourcesOf(e), e.cycleStore) });
