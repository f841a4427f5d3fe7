import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { postDecision, reviewIndexPage, reviewItemPage, reviewListPage } from './pages.tsx';

const ITEM = '/console/review/{year}/{kind}/{code}';

/**
 * The review group's pages (docs/review.md). Signed-in access: the review group is neither a league
 * bureau nor a participant; the use cases authorise (`review.read`, `review.decide` in shared/policy.ts).
 */
export const reviewConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/review', access: 'signedIn', handle: reviewIndexPage },
  { method: 'GET', path: '/console/review/{year}/{kind}', access: 'signedIn', handle: reviewListPage },
  { method: 'GET', path: ITEM, access: 'signedIn', handle: reviewItemPage },
  { method: 'POST', path: ITEM, access: 'signedIn', handle: postDecision },
];
