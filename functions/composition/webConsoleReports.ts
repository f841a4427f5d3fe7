import type { SubjectRecordStore } from '../ports/store.ts';
import { PrepareReport } from '../reports/prepareReport.ts';
import { QualityChecks } from '../reports/qualityCheck.ts';
import { ReadReport } from '../reports/readReport.ts';
import { ReportOverview } from '../reports/reportOverview.ts';
import { SendReport } from '../reports/sendReport.ts';
import type { ReportConsoleDeps } from '../web/console/reports/deps.ts';
import { cyclesApiUseCases } from './cycles.ts';
import type { Edges, StoreEdge } from './edges.ts';

/**
 * The league reports' pages (docs/reports.md): preparing evaluates the list synchronously, bounded by
 * REPORT_BATCH subjects per request; sending records `reportSent` through the cycles' own use case.
 */
export const webConsoleReportsDeps = (
  e: Pick<Edges, 'clock' | 'cycleStore' | 'participants' | 'objections' | 'leagueReports'> &
    StoreEdge<SubjectRecordStore> &
    Parameters<typeof cyclesApiUseCases>[0],
): ReportConsoleDeps => ({
  leagueReports: {
    read: new ReadReport(e.leagueReports, e.cycleStore),
    overview: new ReportOverview(e.leagueReports, e.cycleStore, e.clock),
    prepare: new PrepareReport({
      reports: e.leagueReports,
      cycles: e.cycleStore,
      participants: e.participants,
      objections: e.objections,
      store: e.store,
      clock: e.clock,
    }),
    send: new SendReport(e.leagueReports, e.cycleStore, cyclesApiUseCases(e).recordAct, e.clock),
    checks: new QualityChecks(e.leagueReports, e.clock),
  },
});

/** The report's Excel download reads it through the same use case (the `webExports` function). */
export const reportExportDeps = (e: Pick<Edges, 'cycleStore' | 'leagueReports' | 'clock'>) => ({
  read: new ReadReport(e.leagueReports, e.cycleStore),
  overview: new ReportOverview(e.leagueReports, e.cycleStore, e.clock),
});
