import type { BlacklistRow } from '../../results-use/currentBlacklist.ts';
import type { ExportDeps } from '../exportDeps.ts';
import type { PageContext, WebRoute } from '../router.ts';
import { chineseDate, chineseDateTime, kindName, leagueName } from '../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../ui/xlsx.ts';
import { BLACKLIST_TITLE, blacklistReason } from './blacklistRows.ts';

const COLUMNS: readonly XlsxColumn<BlacklistRow>[] = [
  { header: '统一社会信用代码', width: 22, value: (r) => r.id },
  { header: '名称', width: 36, value: (r) => r.name },
  { header: '评价对象类别', width: 14, value: (r) => kindName(r.kind) },
  { header: '盟市', width: 12, value: (r) => leagueName(r.league) },
  { header: '列入日期', width: 14, value: (r) => r.since },
  { header: '列入原因', width: 48, value: (r) => blacklistReason(r) },
];

/** `/exports/lists/blacklist`: the current blacklist (Art 19) as an Excel workbook. */
const blacklistXlsx = async (ctx: PageContext<ExportDeps>) => {
  const { asOf, rows } = await ctx.deps.public.blacklist.execute();
  return xlsxDownload(
    BLACKLIST_TITLE,
    `${BLACKLIST_TITLE}（截至${chineseDate(asOf)}，导出于${chineseDateTime(ctx.now.toISOString())}）`,
    COLUMNS,
    rows,
  );
};

export const blacklistExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/lists/blacklist', access: 'anyone', handle: blacklistXlsx },
];
