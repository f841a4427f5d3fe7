import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { portalWarningPage, portalWarningsPage, postRectificationReport } from './pages.tsx';

/** The unit's credit warnings and its rectification reports (Art 22, docs/warnings.md). */
export const portalWarningRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/portal/warnings', access: 'participant', handle: portalWarningsPage },
  // The upload's way back (before `{eventId}`, which would match it too).
  { method: 'GET', path: '/portal/warnings/report', access: 'participant', handle: portalWarningPage },
  { method: 'POST', path: '/portal/warnings/report', access: 'participant', handle: postRectificationReport },
  { method: 'GET', path: '/portal/warnings/{eventId}', access: 'participant', handle: portalWarningPage },
];
