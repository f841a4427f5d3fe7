import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { commentFormPage, commentThanksPage, postComment } from './commentPages.tsx';
import { publicityListPage, publicityOverviewPage } from './listPages.tsx';

/** The publicity of the proposed results and the public's comments (docs/publicity.md); no sign-in. */
export const publicityRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/publicity', access: 'anyone', handle: publicityOverviewPage },
  { method: 'GET', path: '/publicity/{year}/{kind}', access: 'anyone', handle: publicityListPage },
  { method: 'GET', path: '/publicity/{year}/{kind}/{code}', access: 'anyone', handle: commentFormPage },
  { method: 'POST', path: '/publicity/{year}/{kind}/{code}', access: 'anyone', handle: postComment },
  { method: 'GET', path: '/publicity/{year}/{kind}/{code}/thanks', access: 'anyone', handle: commentThanksPage },
];
