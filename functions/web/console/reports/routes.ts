import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import {
  leagueReportPage,
  overviewPage,
  postFinding,
  postPrepare,
  postSample,
  postSend,
  reportsIndexPage,
} from './pages.tsx';

const LEAGUE = '/console/reports/{year}/{kind}/{league}';

/** The leagues' reports and the region's quality check (docs/reports.md); the Excel download: exportRoutes.ts. */
export const reportConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/reports', access: 'bureau', handle: reportsIndexPage },
  { method: 'GET', path: '/console/reports/{year}/{kind}', access: 'bureau', handle: overviewPage },
  { method: 'GET', path: LEAGUE, access: 'bureau', handle: leagueReportPage },
  { method: 'POST', path: `${LEAGUE}/prepare`, access: 'bureau', handle: postPrepare },
  { method: 'POST', path: `${LEAGUE}/send`, access: 'bureau', handle: postSend },
  { method: 'POST', path: `${LEAGUE}/sample`, access: 'bureau', handle: postSample },
  { method: 'POST', path: `${LEAGUE}/findings`, access: 'bureau', handle: postFinding },
];
