import { commentExportRoutes } from './console/comments/exportRoutes.ts';
import { cycleExportRoutes } from './console/cycles/exportRoutes.ts';
import { letterExportRoutes } from './console/letters/exportRoutes.ts';
import { noticeExportRoutes } from './console/notices/exportRoutes.ts';
import { objectionExportRoutes } from './console/objections/exportRoutes.ts';
import { participantExportRoutes } from './console/participants/exportRoutes.tsx';
import { reportExportRoutes } from './console/reports/exportRoutes.ts';
import { reviewExportRoutes } from './console/review/exportRoutes.ts';
import { samplingExportRoutes } from './console/sampling/exportRoutes.ts';
import { statisticsExportRoutes } from './console/statistics/exportRoutes.ts';
import { subjectExportRoutes } from './console/subjects/exportRoutes.ts';
import { warningExportRoutes } from './console/warnings/exportRoutes.ts';
import type { ExportDeps } from './exportDeps.ts';
import { blacklistExportRoutes } from './public/blacklistExport.ts';
import { publicExportRoutes } from './public/exportRoutes.ts';
import type { WebRoute } from './router.ts';

/**
 * Every Excel download of the site, all under `/exports/`: served by their own function
 * (`webExports`), so that the pages' function never loads the workbook library (docs/web.md).
 */
export const EXPORT_ROUTES: readonly WebRoute<ExportDeps>[] = [
  ...publicExportRoutes,
  ...blacklistExportRoutes,
  ...cycleExportRoutes,
  ...subjectExportRoutes,
  ...participantExportRoutes,
  ...objectionExportRoutes,
  ...noticeExportRoutes,
  ...samplingExportRoutes,
  ...statisticsExportRoutes,
  ...warningExportRoutes,
  ...reportExportRoutes,
  ...commentExportRoutes,
  ...reviewExportRoutes,
  ...letterExportRoutes,
];
