import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { commentsIndexPage, commentsPage, postFinding } from './pages.tsx';

/** The public's comments during publicity and the leagues' findings (docs/publicity.md); the workbook: exportRoutes.ts. */
export const commentConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/comments', access: 'bureau', handle: commentsIndexPage },
  { method: 'GET', path: '/console/comments/{year}/{kind}', access: 'bureau', handle: (ctx) => commentsPage(ctx) },
  {
    method: 'POST',
    path: '/console/comments/{year}/{kind}/{league}/{id}/finding',
    access: 'bureau',
    handle: postFinding,
  },
];
