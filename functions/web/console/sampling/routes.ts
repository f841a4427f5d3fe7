import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { samplingPage } from './samplingPage.tsx';

/** The 双随机 sampling list (Art 28; docs/using-results.md); its Excel download: exportRoutes.ts. */
export const samplingConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/sampling', access: 'bureau', handle: samplingPage },
];
