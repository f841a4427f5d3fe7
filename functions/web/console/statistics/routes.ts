import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { statisticsPage } from './statisticsPage.tsx';

/** Statistics of the published results (docs/using-results.md); its Excel download: exportRoutes.ts. */
export const statisticsConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/statistics', access: 'bureau', handle: statisticsPage },
];
