import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { noticeListPage } from './listPage.tsx';

/** The notices a bureau issued (docs/notices.md); their workbook: exportRoutes.ts. */
export const noticeConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/notices', access: 'bureau', handle: noticeListPage },
];
