import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { letterListPage, letterPage } from './letterPages.tsx';

/** The letters to environmental-dishonest individuals (函告, Art 18(6)); their workbook: exportRoutes.ts. */
export const letterConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/letters', access: 'bureau', handle: letterListPage },
  { method: 'GET', path: '/console/letters/{year}/{residentId}', access: 'bureau', handle: letterPage },
];
