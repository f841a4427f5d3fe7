import ExcelJS from 'exceljs';
import {
  COLUMNS_OF_KIND,
  type ColumnKey,
  columnName,
  HEADER_COLUMNS,
  type ListRow,
} from '../../../../domain/participants/importList.ts';
import { basisText, type ParticipantEntry } from '../../../../domain/participants/participant.ts';
import type { ExportDeps } from '../../exportDeps.ts';
import { download, redirect } from '../../http/response.ts';
import { parseMultipart } from '../../portal/evidence.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { ErrorNotice } from '../../ui/refusal.tsx';
import { workbookOf, XLSX_TYPE, type XlsxColumn, xlsxDownload } from '../../ui/xlsx.ts';
import { codeShown, detailText, employerKindText, listPath, listRefOf, listTitle } from './listRef.ts';

type Ctx = PageContext<ExportDeps>;

/** Largest list file taken (a league's list is a few thousand rows at most). */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;

const entryColumns = (ctx: Ctx, kind: ParticipantEntry['kind']): XlsxColumn<ParticipantEntry>[] =>
  COLUMNS_OF_KIND[kind].map((key) => ({
    header: columnName(kind, key),
    width: key === 'name' || key === 'sites' || key === 'categories' ? 36 : 22,
    value: (e: ParticipantEntry) =>
      key === 'code'
        ? codeShown(ctx, e)
        : key === 'employerKind'
          ? employerKindText(e)
          : key === 'name'
            ? e.name
            : key === 'league'
              ? leagueName(e.league)
              : key === 'basis'
                ? basisText(e.basis)
                : detailText(e),
  }));

const TEMPLATE_HELP =
  '填写说明：纳入依据填第六条的项，如“（一）”；所属盟市填盟市名称或行政区划代码；厂址及产量占比如“P001:60%；P002:40%”，合计100%；服务类别填附件2机构分类名称，多项用“；”分隔；相关从业人员填公民身份号码、用人单位统一社会信用代码和用人单位类型（企事业单位或第三方服务机构）。';

/** `GET /exports/console/participants/{year}/{kind}/template?league=`: the import template, Chinese headers. */
const templateXlsx = async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const out = await ctx.deps.console.participants.lists.read(ctx.caller, ref.list);
  if (out.status !== 'ok') return ctx.refuse(out);
  const title = `${listTitle(ref.list, leagueName(ref.list.league))}导入模板`;
  const book = await workbookOf(title, `${title}。${TEMPLATE_HELP}`, entryColumns(ctx, ref.list.kind), []);
  return download(book, XLSX_TYPE, `${title}.xlsx`);
};

/** `GET /exports/console/participants/{year}/{kind}?league=`: the list as a workbook, in the template's columns. */
const listXlsx = async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const out = await ctx.deps.console.participants.lists.read(ctx.caller, ref.list);
  if (out.status !== 'ok') return ctx.refuse(out);
  const title = listTitle(ref.list, leagueName(ref.list.league));
  return xlsxDownload(
    title,
    `${title}（导出时间：${chineseDateTime(ctx.now.toISOString())}）`,
    entryColumns(ctx, ref.list.kind),
    out.value.entries,
  );
};

/**
 * The rows of the first sheet: the header row is the first (of the first ten) holding
 * 统一社会信用代码; blank rows are skipped; row numbers are the workbook's own.
 */
export const rowsOfWorkbook = async (data: Buffer): Promise<ListRow[] | null> => {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return null;
  let headerRow = 0;
  const columns = new Map<number, ColumnKey>();
  for (let r = 1; r <= Math.min(10, sheet.rowCount) && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      const key = HEADER_COLUMNS.get(cell.text.trim());
      if (key) columns.set(col, key);
    });
    if ([...columns.values()].includes('code')) headerRow = r;
    else columns.clear();
  }
  if (headerRow === 0) return null;
  const rows: ListRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const [col, key] of columns) cells[key] = sheet.getRow(r).getCell(col).text.trim();
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: r, cells });
  }
  return rows;
};

const ProblemTable = ({
  problems,
}: {
  problems: readonly { row: number | null; column: string | null; reason: string }[];
}) => (
  <div class="table-wrap">
    <table>
      <caption>{`名单文件中的问题（共 ${problems.length} 处）`}</caption>
      <thead>
        <tr>
          <th scope="col">行号</th>
          <th scope="col">列</th>
          <th scope="col">问题</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr>
            <td>{p.row === null ? '—' : `第${p.row}行`}</td>
            <td>{p.column ?? '—'}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/**
 * `POST /exports/console/participants/{year}/{kind}/import?league=&_csrf=` (multipart): the filled
 * template, checked whole; every problem listed and nothing stored, or the list stored and shown.
 */
const importList = async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const list = ref.list;
  const title = `导入${listTitle(list, leagueName(list.league))}`;
  const back = (
    <p>
      <a href={listPath(list)}>返回参评名单</a>
    </p>
  );
  const parts = ctx.req.body.length <= MAX_LIST_BYTES ? parseMultipart(ctx.req.body, ctx.req.contentType) : null;
  const file = parts?.find((p) => p.name === 'file');
  const why = parts?.find((p) => p.name === 'why')?.data.toString('utf8') ?? '';
  const rows = file && file.data.length > 0 ? await rowsOfWorkbook(file.data) : null;
  if (!rows)
    return ctx.render(
      title,
      <>
        <ErrorNotice text="未能读取名单文件：请上传按导入模板填写的 .xlsx 文件（不超过 4 MB）。" />
        {back}
      </>,
      400,
    );
  const out = await ctx.deps.console.participants.lists.importList(ctx.caller, list, rows, why);
  if (out.status === 'rejected')
    return ctx.render(
      title,
      <>
        <p class="notice error" role="alert">
          名单文件有误，未导入任何内容。请按下列问题修改后重新导入。
        </p>
        <ProblemTable problems={out.problems} />
        {back}
      </>,
      400,
    );
  if (out.status !== 'ok') return ctx.refuse(out);
  const c = out.value;
  return redirect(
    listPath(list, { added: String(c.added), changed: String(c.changed), unchanged: String(c.unchanged) }),
  );
};

/** The list's workbook, its import template, and the import itself (it reads the workbook). */
export const participantExportRoutes: readonly WebRoute<ExportDeps>[] = [
  { method: 'GET', path: '/exports/console/participants/{year}/{kind}', access: 'bureau', handle: listXlsx },
  {
    method: 'GET',
    path: '/exports/console/participants/{year}/{kind}/template',
    access: 'bureau',
    handle: templateXlsx,
  },
  { method: 'POST', path: '/exports/console/participants/{year}/{kind}/import', access: 'bureau', handle: importList },
];
