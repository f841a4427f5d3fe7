import { cyclePath } from '../../../cycles/contracts.ts';
import { parseWith } from '../../../shared/http.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDate, chineseDateTime, workingDaysLeftText } from '../../ui/format.ts';
import { type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { SCHEDULE_NAMES } from './cycle.tsx';
import { articleText, cycleTitle, deadlineName, jurisdictionText } from './parts.tsx';
import type { ConsoleCycle } from './readConsoleCycle.ts';
import { STUCK_COLUMNS } from './stuck.tsx';

type Ctx = PageContext<ExportDeps>;

type DeadlineRow = ConsoleCycle['view']['deadlines'][number] & { readonly left: number | undefined };

const DEADLINE_COLUMNS: readonly XlsxColumn<DeadlineRow>[] = [
  { header: '办理单位', width: 14, value: (d) => jurisdictionText(d.league) },
  { header: '期限', width: 30, value: (d) => deadlineName(d.id, d.stage, d.type) },
  { header: '截止日期', width: 16, value: (d) => `${chineseDate(d.on)}${d.provisional ? '（暂定）' : ''}` },
  { header: '剩余工作日', width: 18, value: (d) => (d.left === undefined ? '' : workingDaysLeftText(d.left)) },
  { header: '状态', width: 10, value: (d) => SCHEDULE_NAMES[d.schedule] ?? d.schedule },
  { header: '依据', width: 20, value: (d) => articleText(d.article) },
];

/** `GET /exports/console/cycles/{year}/{kind}`: the cycle's deadlines in the caller's jurisdiction, as a workbook. */
const cycleXlsx = async (ctx: Ctx) => {
  const path = parseWith(cyclePath, ctx.params);
  if (path.status !== 'ok') return ctx.refuse(path);
  const year = Number(path.value.year);
  const kind = path.value.kind;
  const r = await ctx.deps.console.cycleConsole.readCycle.execute(ctx.caller, year, kind);
  if (r.status === 'notFound') return ctx.refuse(r, '未找到该评价周期');
  if (r.status !== 'ok') return ctx.refuse(r);
  const rows = [...r.value.view.deadlines]
    .sort((a, b) => (a.league ?? '999999').localeCompare(b.league ?? '999999') || a.on.localeCompare(b.on))
    .map((d) => ({ ...d, left: d.schedule === 'scheduled' ? r.value.workingDaysLeft[d.id] : undefined }));
  return xlsxDownload(
    `${cycleTitle(year, kind)}期限表`,
    `${cycleTitle(year, kind)}期限表（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    DEADLINE_COLUMNS,
    rows,
  );
};

/** `GET /exports/console/stuck`: the records set aside by ingestion in the caller's jurisdiction, as a workbook. */
const stuckXlsx = async (ctx: Ctx) => {
  const r = await ctx.deps.console.cycleConsole.listStuck.execute(ctx.caller);
  return xlsxDownload(
    '未能入库的记录',
    `未能入库的记录（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    STUCK_COLUMNS,
    r.value,
  );
};

/** The console's cycle downloads: a cycle's deadlines, the records set aside. */
export const cycleExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/cycles/{year}/{kind}', access: 'bureau', handle: cycleXlsx },
  { method: 'GET', path: '/exports/console/stuck', access: 'bureau', handle: stuckXlsx },
];
