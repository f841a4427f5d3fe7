import type { IssuedNotice } from '../../../ports/notices.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import type { WebResponse } from '../../http/response.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { xlsxDownload } from '../../ui/xlsx.ts';
import { NOTICE_COLUMNS, noticesLeagueOf } from './noticeRows.ts';

type Ctx = PageContext<ExportDeps>;

/** Notices read per page while the workbook is built. */
const PAGE = 500;

/** `GET /exports/console/notices?league=`: every notice the bureau issued, newest first, with 已读/未读. */
const noticesXlsx = async (ctx: Ctx): Promise<WebResponse> => {
  const league = noticesLeagueOf(ctx);
  if (league === null) return ctx.refuse({ status: 'forbidden' });
  const rows: IssuedNotice[] = [];
  let cursor: string | null = null;
  do {
    const out = await ctx.deps.console.notices.issued.execute(ctx.caller, league, { cursor, limit: PAGE });
    if (out.status !== 'ok') return ctx.refuse(out);
    rows.push(...out.value.notices);
    cursor = out.value.cursor;
  } while (cursor !== null);
  const title = `${leagueName(league)}已发通知`;
  return xlsxDownload(
    title,
    `${title}（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    NOTICE_COLUMNS.map((c) => ({ header: c.header, width: c.header === '标题' ? 40 : 22, value: c.value })),
    rows,
  );
};

export const noticeExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/notices', access: 'bureau', handle: noticesXlsx },
];
