import { GRADE_NAMES } from '../../../domain/evaluation/grade.ts';
import type { PublishedEntry } from '../../ports/publishedDirectory.ts';
import type { ExportDeps } from '../exportDeps.ts';
import type { PageContext, WebRoute } from '../router.ts';
import { chineseDateTime, leagueName } from '../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../ui/xlsx.ts';
import { askedOf, titleOf } from './lists.tsx';

const COLUMNS: readonly XlsxColumn<PublishedEntry>[] = [
  { header: '统一社会信用代码', width: 22, value: (e) => e.id },
  { header: '名称', width: 36, value: (e) => e.name },
  { header: '盟市', width: 12, value: (e) => leagueName(e.league) },
  { header: '评价年度', value: (e) => e.year },
  { header: '评价得分', value: (e) => e.score },
  { header: '评价等级', value: (e) => e.grade },
  { header: '等级名称', width: 16, value: (e) => (e.grade ? GRADE_NAMES[e.grade] : null) },
  { header: '发布日期', width: 14, value: (e) => e.publishedOn },
];

/** `/exports/lists/{year}/{kind}?league=&grade=`: the whole filtered published list as an Excel workbook. */
const listXlsx = async (ctx: PageContext<ExportDeps>) => {
  const read = await ctx.deps.public.lists.all(askedOf(ctx));
  if (read.status !== 'ok') return ctx.refuse(read, read.status === 'notFound' ? '未找到该名单' : '查询条件有误');
  const { filter: f, entries } = read.value;
  return xlsxDownload(titleOf(f), `${titleOf(f)}（导出于${chineseDateTime(ctx.now.toISOString())}）`, COLUMNS, entries);
};

/** The public site's downloads (no sign-in): published results only, never practitioners (Art 18(6), 35). */
export const publicExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/lists/{year}/{kind}', access: 'anyone', handle: listXlsx },
];
