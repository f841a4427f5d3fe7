import { FINDING_NAMES, latestFindings } from '../../../../domain/reports/qualityCheck.ts';
import type { ReportEntry } from '../../../../domain/reports/reportEntry.ts';
import type { LeagueReportRow } from '../../../reports/reportOverview.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, kindName, leagueName } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { checkText, disputedText, entryScore, overviewStatus, reportTitle } from './pages.tsx';
import { cycleOfParams, reportRefOf } from './paths.ts';

/** `/exports/console/reports/{year}/{kind}/{league}?version=`: one version of a league's report as a workbook. */
const reportXlsx = async (ctx: PageContext<ExportDeps>) => {
  const ref = reportRefOf(ctx.params);
  if (!ref) return ctx.refuse({ status: 'notFound' }, '上报名单');
  const v = ctx.req.query.version;
  const out = await ctx.deps.console.leagueReports.read.execute(
    ctx.caller,
    ref,
    v && /^\d{1,4}$/.test(v) ? Number(v) : undefined,
  );
  if (out.status !== 'ok') return ctx.refuse(out, '上报名单');
  const r = out.value;
  const findings = r.check ? latestFindings(r.check) : new Map();
  const columns: readonly XlsxColumn<ReportEntry>[] = [
    { header: '统一社会信用代码（身份证号）', width: 24, value: (e) => (e.kind === 'practitioner' ? e.name : e.code) },
    { header: '名称', width: 36, value: (e) => (e.kind === 'practitioner' ? '（从业人员）' : e.name) },
    { header: '评价对象类别', width: 14, value: (e) => kindName(e.kind) },
    { header: '拟定得分', value: (e) => entryScore(e) },
    { header: '拟定等级', width: 16, value: (e) => (e.grade ? `${e.grade} ${e.gradeName ?? ''}` : '暂不评级') },
    { header: '直接评为D级', width: 20, value: (e) => (e.directD ? `是（${e.directD.articleName}）` : '否') },
    { header: '拟列入黑名单', value: (e) => (e.blacklistProposed ? '是' : '否') },
    { header: '异议', width: 30, value: (e) => disputedText(e) },
    {
      header: '抽查意见',
      width: 30,
      value: (e) => {
        const f = findings.get(e.code);
        return f ? `${FINDING_NAMES[f.outcome as 'agreed']}${f.reasons ? `：${f.reasons}` : ''}` : '';
      },
    },
  ];
  const title = reportTitle(r);
  const version = r.shown ? `第${r.shown.version}版` : '';
  return xlsxDownload(
    `${title}${version}`,
    `${title}${version}（导出于${chineseDateTime(ctx.now.toISOString())}）`,
    columns,
    r.entries,
  );
};

/** `/exports/console/reports/{year}/{kind}`: the region's overview of the leagues' reports as a workbook. */
const overviewXlsx = async (ctx: PageContext<ExportDeps>) => {
  const of = cycleOfParams(ctx.params);
  if (!of) return ctx.refuse({ status: 'notFound' }, '上报名单');
  const out = await ctx.deps.console.leagueReports.overview.execute(ctx.caller, of);
  if (out.status !== 'ok') return ctx.refuse(out, '上报名单');
  const columns: readonly XlsxColumn<LeagueReportRow>[] = [
    { header: '盟市', width: 14, value: (r) => leagueName(r.league) },
    { header: '状态', width: 16, value: (r) => overviewStatus(r) },
    { header: '报送日期', width: 14, value: (r) => r.firstSentOn ?? '' },
    { header: '报送期限', width: 14, value: (r) => r.limitOn ?? '' },
    { header: '条目数', value: (r) => (r.lastSent ? r.entries : '') },
    { header: 'A级', value: (r) => r.grades.A },
    { header: 'B级', value: (r) => r.grades.B },
    { header: 'C级', value: (r) => r.grades.C },
    { header: 'D级', value: (r) => r.grades.D },
    { header: '质量抽查', width: 40, value: (r) => checkText(r) },
  ];
  const title = `${of.year}年度${kindName(of.kind)}各盟市上报名单`;
  return xlsxDownload(title, `${title}（导出于${chineseDateTime(ctx.now.toISOString())}）`, columns, out.value.rows);
};

export const reportExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/reports/{year}/{kind}', access: 'bureau', handle: overviewXlsx },
  { method: 'GET', path: '/exports/console/reports/{year}/{kind}/{league}', access: 'bureau', handle: reportXlsx },
];
