import ExcelJS from 'exceljs';
import { download, type WebResponse } from '../http/response.ts';

/**
 * A list a bureau hands on, as an Excel workbook (.xlsx): one sheet, Chinese column headers, a
 * title row saying what the list is and when it was exported, the header row frozen and filtered.
 */
export interface XlsxColumn<R> {
  readonly header: string;
  /** Width in characters. */
  readonly width?: number;
  value(row: R): string | number | null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const workbookOf = async <R>(
  sheetName: string,
  title: string,
  columns: readonly XlsxColumn<R>[],
  rows: Iterable<R>,
): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = '内蒙古自治区环保信用评价系统';
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, Math.max(1, columns.length));
  const head = sheet.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2);
  });
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: Math.max(1, columns.length) } };
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** The workbook as a download named `<fileName>.xlsx`. */
export const xlsxDownload = async <R>(
  fileName: string,
  title: string,
  columns: readonly XlsxColumn<R>[],
  rows: Iterable<R>,
): Promise<WebResponse> => download(await workbookOf(fileName, title, columns, rows), XLSX_TYPE, `${fileName}.xlsx`);
