import { legalDateOfInstant } from '../../../../domain/dates.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDate, kindName, leagueName } from '../../ui/format.ts';
import { xlsxDownload } from '../../ui/xlsx.ts';
import { named } from './labels.ts';
import { filterOf, gradeText } from './listPage.tsx';
import type { SubjectRow } from './listSubjects.ts';
import type { QueuedRepair } from './repairQueue.ts';

type Ctx = PageContext<ExportDeps>;

/** `GET /exports/console/subjects?league=&kind=&grade=&q=&year=`: the filtered subject list as a workbook. */
const subjectListXlsx = async (ctx: Ctx) => {
  const filter = filterOf(ctx.req.query);
  const out = await ctx.deps.console.subjects.list.execute(ctx.caller, filter, true);
  if (out.status !== 'ok') return ctx.refuse(named(out));
  const list = out.value;
  return xlsxDownload<SubjectRow>(
    `评价对象名单-${list.year}`,
    `评价对象名单（${list.year}年度实时评价，导出于${chineseDate(legalDateOfInstant(ctx.now))}）`,
    [
      { header: '统一社会信用代码/公民身份号码', width: 24, value: (r) => r.ref.id },
      { header: '名称', width: 36, value: (r) => r.name },
      { header: '类型', width: 16, value: (r) => kindName(r.ref.kind) },
      { header: '盟市', width: 14, value: (r) => leagueName(r.league) },
      { header: '登记状态', width: 10, value: (r) => (r.registration === 'registered' ? '已登记' : '未登记') },
      { header: '当前得分', width: 10, value: (r) => r.head?.score ?? null },
      { header: '当前等级', width: 22, value: (r) => gradeText(r) },
      { header: '评价基准日', width: 14, value: (r) => r.head?.asOf ?? null },
    ],
    list.rows,
  );
};

/** `GET /exports/console/repairs`: the repair applications waiting for verification (Art 23 ¶2), as a workbook. */
const repairQueueXlsx = async (ctx: Ctx) => {
  const out = await ctx.deps.console.subjects.repairQueue.execute(ctx.caller);
  if (out.status !== 'ok') return ctx.refuse(out);
  return xlsxDownload<QueuedRepair>(
    '待核实信用修复申请',
    `待核实的信用修复申请（导出于${chineseDate(legalDateOfInstant(ctx.now))}）`,
    [
      { header: '申请编号', width: 38, value: (q) => q.application.id },
      { header: '统一社会信用代码/公民身份号码', width: 24, value: (q) => q.application.subject.id },
      { header: '名称', width: 36, value: (q) => q.name },
      { header: '类型', width: 16, value: (q) => kindName(q.application.subject.kind) },
      { header: '盟市', width: 14, value: (q) => leagueName(q.league) },
      { header: '申请修复的信用信息', width: 28, value: (q) => q.application.eventId },
      { header: '申请日期', width: 14, value: (q) => q.application.appliedOn },
      { header: '核实期限', width: 14, value: (q) => q.application.verifyBy.on },
      { header: '剩余工作日', width: 12, value: (q) => q.workingDaysLeft },
      {
        header: '状态',
        width: 10,
        value: (q) => (q.workingDaysLeft < 0 || q.application.overdue ? '已逾期' : '待核实'),
      },
    ],
    out.value,
  );
};

/** The console's subject downloads: the subject list and the repair queue (docs/console.md). */
export const subjectExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/subjects', access: 'bureau', handle: subjectListXlsx },
  { method: 'GET', path: '/exports/console/repairs', access: 'bureau', handle: repairQueueXlsx },
];
