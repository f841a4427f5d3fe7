import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { newWarningPage, postNewWarning, postWarningDecision, warningDetailPage, warningListPage } from './pages.tsx';

/** A league bureau's credit warnings (Art 21-22, docs/warnings.md); the Excel list: exportRoutes.ts. */
export const warningConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/warnings', access: 'bureau', handle: warningListPage },
  { method: 'GET', path: '/console/warnings/new', access: 'bureau', handle: newWarningPage },
  { method: 'POST', path: '/console/warnings/new', access: 'bureau', handle: postNewWarning },
  { method: 'GET', path: '/console/warnings/{eventId}', access: 'bureau', handle: warningDetailPage },
  { method: 'POST', path: '/console/warnings/{eventId}/decision', access: 'bureau', handle: postWarningDecision },
];
