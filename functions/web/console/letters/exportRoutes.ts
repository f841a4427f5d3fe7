import type { ExportDeps } from '../../exportDeps.ts';
import type { WebResponse } from '../../http/response.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { xlsxDownload } from '../../ui/xlsx.ts';
import { LETTER_COLUMNS, lettersQueryOf } from './letterRows.ts';

type Ctx = PageContext<ExportDeps>;

/** `GET /exports/console/letters?league=&year=`: the bureau's letters of a year (Art 18(6)), numbers masked. */
const lettersXlsx = async (ctx: Ctx): Promise<WebResponse> => {
  const q = lettersQueryOf(ctx);
  if (q === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.console.letters.list.execute(ctx.caller, q.league, q.year);
  if (out.status !== 'ok') return ctx.refuse(out);
  const title = `${leagueName(q.league)}${q.year}年度失信函告`;
  return xlsxDownload(
    title,
    `${title}（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    LETTER_COLUMNS.map((c) => ({ header: c.header, width: c.header === '标题' ? 40 : 22, value: c.value })),
    out.value,
  );
};

export const letterExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/letters', access: 'bureau', handle: lettersXlsx },
];
