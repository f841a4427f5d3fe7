import { cycleExportRoutes } from './console/cycles/exportRoutes.ts';
import { participantExportRoutes } from './console/participants/exportRoutes.tsx';
import { subjectExportRoutes } from './console/subjects/exportRoutes.ts';
import type { ExportDeps } from './exportDeps.ts';
import { publicExportRoutes } from './public/exportRoutes.ts';
import type { WebRoute } from './router.ts';

/**
 * Every Excel download of the site, all under `/exports/`: served by their own function
 * (`webExports`), so that the pages' function never loads the workbook library (docs/web.md).
 */
export const EXPORT_ROUTES: readonly WebRoute<ExportDeps>[] = [
  ...publicExportRoutes,
  ...cycleExportRoutes,
  ...subjectExportRoutes,
  ...participantExportRoutes,
];
