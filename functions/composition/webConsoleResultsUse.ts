import { ResultStatistics } from '../results-use/resultStatistics.ts';
import { SamplingList } from '../results-use/samplingList.ts';
import type { SamplingConsoleDeps } from '../web/console/sampling/deps.ts';
import type { StatisticsConsoleDeps } from '../web/console/statistics/deps.ts';
import type { Edges } from './edges.ts';

/** What the console's uses of the published results need (Art 28 sampling list, statistics): the published lists and the clock. */
export const webConsoleResultsUseDeps = (
  e: Pick<Edges, 'clock' | 'publishedDirectory'>,
): SamplingConsoleDeps & StatisticsConsoleDeps => ({
  sampling: { list: new SamplingList(e.publishedDirectory, e.clock) },
  statistics: { read: new ResultStatistics(e.publishedDirectory) },
});
