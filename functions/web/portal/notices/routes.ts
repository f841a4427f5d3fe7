import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { noticeListPage, noticePage } from './noticePages.tsx';

/** The participant's notices (docs/notices.md). */
export const portalNoticeRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/portal/notices', access: 'participant', handle: noticeListPage },
  { method: 'GET', path: '/portal/notices/{id}', access: 'participant', handle: noticePage },
];
