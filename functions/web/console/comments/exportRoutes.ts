import type { PublicComment } from '../../../ports/comments.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { commentsTitle, findingText, reviewText } from './parts.ts';

type Ctx = PageContext<ExportDeps>;

const COLUMNS: readonly XlsxColumn<PublicComment>[] = [
  { header: '统一社会信用代码', width: 22, value: (c) => c.code },
  { header: '名称', width: 30, value: (c) => c.name },
  { header: '盟市', width: 14, value: (c) => leagueName(c.league) },
  { header: '收到时间', width: 20, value: (c) => chineseDateTime(c.receivedAt) },
  { header: '意见内容', width: 50, value: (c) => c.text },
  { header: '联系方式', width: 24, value: (c) => c.contact ?? '' },
  { header: '调查核实结果', width: 14, value: findingText },
  { header: '调查核实情况及理由', width: 50, value: (c) => c.finding?.reasons ?? '' },
  { header: '核实时间', width: 20, value: (c) => (c.finding ? chineseDateTime(c.finding.at) : '') },
  { header: '提交复核小组', width: 14, value: reviewText },
];

/** `GET /exports/console/comments/{year}/{kind}?league=`: the comments with their findings, as a workbook. */
const commentsXlsx = async (ctx: Ctx) => {
  const out = await ctx.deps.console.publicComments.list.execute(ctx.caller, {
    year: ctx.params.year!,
    kind: ctx.params.kind!,
    league: ctx.req.query.league || undefined,
  });
  if (out.status !== 'ok') return ctx.refuse(out, '公示意见');
  const title = commentsTitle(out.value.publicity);
  return xlsxDownload(
    title,
    `${title}（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    COLUMNS,
    out.value.comments,
  );
};

export const commentExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/comments/{year}/{kind}', access: 'bureau', handle: commentsXlsx },
];
