import type { DecideReviewItem } from '../../../review/decideReviewItem.ts';
import type { ListReview } from '../../../review/listReview.ts';
import type { ReadReviewItem } from '../../../review/readReviewItem.ts';

/** What the console's review pages use (docs/review.md): the items, one item, a decision. */
export interface ReviewConsoleDeps {
  readonly review: {
    readonly list: Pick<ListReview, 'execute'>;
    readonly read: Pick<ReadReviewItem, 'execute'>;
    readonly decide: Pick<DecideReviewItem, 'execute'>;
  };
}
