import type { ResultStatistics } from '../../../results-use/resultStatistics.ts';

/** What the console's statistics of published results use (Art 8). */
export interface StatisticsConsoleDeps {
  readonly statistics: { readonly read: ResultStatistics };
}
