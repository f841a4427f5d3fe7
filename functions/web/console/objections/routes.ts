import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { objectionListPage } from './listPage.tsx';
import { objectionReviewPage, postObjectionReview } from './reviewPage.tsx';
import { postSupplement, postVerify, supplementPage } from './supplementPage.tsx';

/** The objections of a league's participants and their review (docs/objections.md); the workbook: exportRoutes.ts. */
export const objectionConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/objections', access: 'bureau', handle: objectionListPage },
  { method: 'GET', path: '/console/objections/{id}', access: 'bureau', handle: (ctx) => objectionReviewPage(ctx) },
  { method: 'POST', path: '/console/objections/{id}/review', access: 'bureau', handle: postObjectionReview },
  { method: 'GET', path: '/console/supplement', access: 'bureau', handle: (ctx) => supplementPage(ctx) },
  { method: 'POST', path: '/console/supplement', access: 'bureau', handle: postSupplement },
  { method: 'POST', path: '/console/supplement/verify', access: 'bureau', handle: postVerify },
];
