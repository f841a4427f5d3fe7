import { objectionIdShown } from '../../../../domain/objections/objection.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
import type { ListedObjection } from '../../../objections/listObjections.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDate, chineseDateTime } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { cycleText, disputedText, leagueText, leftText, limitText, OBJECTIONS_TITLE, statusText } from './parts.ts';

type Ctx = PageContext<ExportDeps>;

const COLUMNS: readonly XlsxColumn<ListedObjection>[] = [
  { header: '异议编号', width: 44, value: (o) => objectionIdShown(o.id) },
  { header: '参评单位', width: 30, value: (o) => o.subjectName },
  {
    header: '统一社会信用代码',
    width: 22,
    value: (o) => (o.subject.kind === 'practitioner' ? maskResidentId(o.subject.id) : o.subject.id),
  },
  { header: '盟市', width: 14, value: leagueText },
  { header: '评价周期', width: 18, value: cycleText },
  { header: '提出日期', width: 16, value: (o) => chineseDate(o.filedOn) },
  { header: '异议事项', width: 24, value: disputedText },
  { header: '异议理由', width: 40, value: (o) => o.reasons },
  { header: '复核期限', width: 16, value: limitText },
  { header: '剩余工作日', width: 20, value: leftText },
  { header: '状态', width: 40, value: statusText },
];

/** `GET /exports/console/objections?league=`: the objections of the caller's leagues, as a workbook. */
const objectionsXlsx = async (ctx: Ctx) => {
  const out = await ctx.deps.console.objections.list.execute(ctx.caller, ctx.req.query.league || undefined);
  if (out.status !== 'ok') return ctx.refuse(out, OBJECTIONS_TITLE);
  return xlsxDownload(
    '异议及复核情况',
    `异议及复核情况（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    COLUMNS,
    out.value.objections,
  );
};

export const objectionExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/objections', access: 'bureau', handle: objectionsXlsx },
];
