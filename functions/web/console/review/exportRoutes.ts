import type { ReviewListRow } from '../../../review/listReview.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, kindName, leagueName, scoreText } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { decisionText, reasonsText, reviewCycleOf, reviewFilterOf, reviewTitle } from './pages.tsx';

/** `/exports/console/review/{year}/{kind}`: the items for the review group, as filtered, as a workbook. */
const reviewXlsx = async (ctx: PageContext<ExportDeps>) => {
  const c = reviewCycleOf(ctx.params);
  if (!c) return ctx.refuse({ status: 'notFound' }, '复核审定');
  const out = await ctx.deps.console.review.list.execute(ctx.caller, c, reviewFilterOf(ctx.req.query));
  if (out.status !== 'ok') return ctx.refuse(out, '复核审定');
  const columns: readonly XlsxColumn<ReviewListRow>[] = [
    {
      header: '统一社会信用代码（身份证号）',
      width: 24,
      value: (r) => (r.kind === 'practitioner' ? r.entry.name : r.code),
    },
    { header: '名称', width: 36, value: (r) => (r.kind === 'practitioner' ? '（从业人员）' : r.entry.name) },
    { header: '评价对象类别', width: 14, value: (r) => kindName(r.kind) },
    { header: '盟市', width: 14, value: (r) => leagueName(r.league) },
    { header: '拟定得分', value: (r) => (r.entry.score === null ? '—' : scoreText(r.entry.score / 10)) },
    {
      header: '拟定等级',
      width: 16,
      value: (r) => (r.entry.grade ? `${r.entry.grade} ${r.entry.gradeName ?? ''}` : '暂不评级'),
    },
    { header: '复核原因', width: 30, value: (r) => reasonsText(r) },
    { header: '复核决定', width: 20, value: (r) => decisionText(r.decision) },
    { header: '复核理由', width: 40, value: (r) => r.decision?.reasons ?? '' },
    { header: '撤销的信用信息', width: 30, value: (r) => r.decision?.revoked.join('、') ?? '' },
  ];
  const title = reviewTitle(c);
  return xlsxDownload(title, `${title}（导出于${chineseDateTime(ctx.now.toISOString())}）`, columns, out.value.rows);
};

export const reviewExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/review/{year}/{kind}', access: 'signedIn', handle: reviewXlsx },
];
