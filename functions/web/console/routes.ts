import type { WebDeps } from '../deps.ts';
import type { WebRoute } from '../router.ts';
import { commentConsoleRoutes } from './comments/routes.ts';
import { cycleConsoleRoutes } from './cycles/routes.ts';
import { evidenceConsoleRoutes } from './evidence/routes.ts';
import { letterConsoleRoutes } from './letters/routes.ts';
import { noticeConsoleRoutes } from './notices/routes.ts';
import { objectionConsoleRoutes } from './objections/routes.ts';
import { participantConsoleRoutes } from './participants/routes.ts';
import { reportConsoleRoutes } from './reports/routes.ts';
import { reviewConsoleRoutes } from './review/routes.ts';
import { samplingConsoleRoutes } from './sampling/routes.ts';
import { statisticsConsoleRoutes } from './statistics/routes.ts';
import { subjectConsoleRoutes } from './subjects/routes.ts';
import { warningConsoleRoutes } from './warnings/routes.ts';

/** The bureau console (league and region staff). */
export const consoleRoutes: readonly WebRoute<WebDeps>[] = [
  ...cycleConsoleRoutes,
  ...subjectConsoleRoutes,
  ...participantConsoleRoutes,
  ...objectionConsoleRoutes,
  ...noticeConsoleRoutes,
  ...warningConsoleRoutes,
  ...samplingConsoleRoutes,
  ...statisticsConsoleRoutes,
  ...evidenceConsoleRoutes,
  ...reportConsoleRoutes,
  ...reviewConsoleRoutes,
  ...commentConsoleRoutes,
  ...letterConsoleRoutes,
];
