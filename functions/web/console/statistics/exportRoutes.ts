import type { StatisticsRow } from '../../../results-use/resultStatistics.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, kindName, leagueName } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { STATISTICS_TITLE, totalOf } from './labels.ts';

const COLUMNS: readonly XlsxColumn<StatisticsRow>[] = [
  { header: '评价年度', value: (r) => r.year },
  { header: '评价对象类别', width: 14, value: (r) => kindName(r.kind) },
  { header: '盟市', width: 12, value: (r) => leagueName(r.league) },
  { header: 'A级', value: (r) => r.counts.A },
  { header: 'B级', value: (r) => r.counts.B },
  { header: 'C级', value: (r) => r.counts.C },
  { header: 'D级', value: (r) => r.counts.D },
  { header: '合计', value: (r) => totalOf(r.counts) },
];

/** `/exports/console/statistics`: the grade counts per year, kind and league as an Excel workbook. */
const statisticsXlsx = async (ctx: PageContext<ExportDeps>) => {
  const read = await ctx.deps.console.statistics.read.execute(ctx.caller);
  if (read.status !== 'ok') return ctx.refuse(read, STATISTICS_TITLE);
  const title =
    read.value.league === null ? STATISTICS_TITLE : `${STATISTICS_TITLE}（${leagueName(read.value.league)}）`;
  return xlsxDownload(title, `${title}（导出于${chineseDateTime(ctx.now.toISOString())}）`, COLUMNS, read.value.rows);
};

export const statisticsExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/statistics', access: 'bureau', handle: statisticsXlsx },
];
