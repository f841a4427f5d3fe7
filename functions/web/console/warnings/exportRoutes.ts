import { WARNING_STATUS_NAMES } from '../../../../domain/warnings/warning.ts';
import type { WarningView } from '../../../warnings/warningPorts.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDate, chineseDateTime, leagueName, workingDaysLeftText } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';

const COLUMNS: readonly XlsxColumn<WarningView>[] = [
  { header: '信息编号', width: 34, value: (v) => v.doc.eventId },
  { header: '被预警单位', width: 30, value: (v) => v.doc.subjectName },
  { header: '统一社会信用代码', width: 22, value: (v) => v.doc.subject.id },
  { header: '失信行为', width: 40, value: (v) => v.wording },
  { header: '发现（发生）日期', width: 16, value: (v) => chineseDate(v.doc.occurredOn) },
  { header: '整改要求', width: 40, value: (v) => v.doc.rectificationRequired },
  { header: '预警通知日期', width: 16, value: (v) => chineseDate(v.doc.issuedOn) },
  { header: '整改期限', width: 16, value: (v) => chineseDate(v.doc.deadline) },
  {
    header: '剩余工作日',
    width: 16,
    value: (v) =>
      v.status === 'confirmed' ? '' : v.workingDaysLeft < 0 ? '已逾期' : workingDaysLeftText(v.workingDaysLeft),
  },
  { header: '状态', width: 18, value: (v) => WARNING_STATUS_NAMES[v.status] },
  { header: '来源', width: 14, value: (v) => (v.doc.origin === 'bureau' ? '本局下达' : '执法平台报送') },
];

/** `GET /exports/console/warnings`: the league's credit warnings as its list page orders them (Art 21-22). */
const warningsXlsx = async (ctx: PageContext<ExportDeps>) => {
  const out = await ctx.deps.console.creditWarnings.list.ofLeague(ctx.caller);
  if (out.status !== 'ok') return ctx.refuse(out, '信用预警');
  const title = `${leagueName(out.value.league)}信用预警`;
  return xlsxDownload(
    title,
    `${title}（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    COLUMNS,
    out.value.warnings,
  );
};

export const warningExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/warnings', access: 'bureau', handle: warningsXlsx },
];
