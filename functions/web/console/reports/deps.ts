import type { PrepareReport } from '../../../reports/prepareReport.ts';
import type { QualityChecks } from '../../../reports/qualityCheck.ts';
import type { ReadReport } from '../../../reports/readReport.ts';
import type { ReportOverview } from '../../../reports/reportOverview.ts';
import type { SendReport } from '../../../reports/sendReport.ts';

/** What the console's report pages use (docs/reports.md): the league's report and the region's quality check. */
export interface ReportConsoleDeps {
  readonly leagueReports: {
    readonly read: Pick<ReadReport, 'execute'>;
    readonly overview: Pick<ReportOverview, 'execute'>;
    readonly prepare: Pick<PrepareReport, 'execute'>;
    readonly send: Pick<SendReport, 'execute'>;
    readonly checks: Pick<QualityChecks, 'sample' | 'finding'>;
  };
}
