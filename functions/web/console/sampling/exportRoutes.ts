import type { SamplingRow } from '../../../results-use/samplingList.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, kindName, leagueName } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { ratioText, samplingClassText, samplingTitle } from './labels.ts';
import { samplingAskedOf } from './samplingPage.tsx';

const COLUMNS: readonly XlsxColumn<SamplingRow>[] = [
  { header: '统一社会信用代码', width: 22, value: (r) => r.id },
  { header: '名称', width: 36, value: (r) => r.name },
  { header: '评价对象类别', width: 14, value: (r) => kindName(r.kind) },
  { header: '盟市', width: 12, value: (r) => leagueName(r.league) },
  { header: '评价得分', value: (r) => r.score },
  { header: '评价等级', value: (r) => r.grade },
  { header: '抽查类别', width: 16, value: (r) => samplingClassText(r.samplingClass) },
  { header: '列入黑名单', value: (r) => (r.blacklisted ? '是' : '否') },
  { header: '抽查比例倍数', value: (r) => r.multiplier },
  { header: '抽查比例', value: (r) => ratioText(r.ratioPermille) },
  { header: '发布日期', width: 14, value: (r) => r.publishedOn },
];

/** `/exports/console/sampling?year=&league=&basePermille=`: the whole sampling list as an Excel workbook. */
const samplingXlsx = async (ctx: PageContext<ExportDeps>) => {
  const read = await ctx.deps.console.sampling.list.execute(ctx.caller, samplingAskedOf(ctx));
  if (read.status !== 'ok') return ctx.refuse(read, '“双随机”抽查名单');
  const v = read.value;
  const title = samplingTitle(v);
  return xlsxDownload(
    title,
    `${title}（基础抽查比例 ${v.basePermille}‰，导出于${chineseDateTime(ctx.now.toISOString())}）`,
    COLUMNS,
    v.rows,
  );
};

export const samplingExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/sampling', access: 'bureau', handle: samplingXlsx },
];
