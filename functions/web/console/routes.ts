import type { WebDeps } from '../deps.ts';
import type { WebRoute } from '../router.ts';
import { cycleConsoleRoutes } from './cycles/routes.ts';
import { participantConsoleRoutes } from './participants/routes.ts';
import { subjectConsoleRoutes } from './subjects/routes.ts';

/** The bureau console (league and region staff). */
export const consoleRoutes: readonly WebRoute<WebDeps>[] = [
  ...cycleConsoleRoutes,
  ...subjectConsoleRoutes,
  ...participantConsoleRoutes,
];
