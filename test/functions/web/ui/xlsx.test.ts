import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookOf, XLSX_TYPE, xlsxDownload } from '../../../../functions/web/ui/xlsx.ts';

describe('Excel exports', () => {
  const columns = [
    { header: '统一社会信用代码', value: (r: { id: string; score: number }) => r.id },
    { header: '评价得分', value: (r: { id: string; score: number }) => r.score },
  ];

  it('writes a title row, Chinese headers and one row per entry', async () => {
    const buffer = await workbookOf('评价结果', '2025年度企业环保信用评价结果', columns, [
      { id: '91150600MA0Q67890N', score: 85.5 },
      { id: '91150100MA0000001A', score: 100 },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('评价结果')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('2025年度企业环保信用评价结果');
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value]).toEqual([
      '统一社会信用代码',
      '评价得分',
    ]);
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value]).toEqual(['91150600MA0Q67890N', 85.5]);
    expect(sheet.rowCount).toBe(4);
  });

  it('is downloaded as an .xlsx named in Chinese', async () => {
    const r = await xlsxDownload('评价结果', '标题', columns, []);
    expect(r.headers?.['content-type']).toBe(XLSX_TYPE);
    expect(String(r.headers?.['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('评价结果.xlsx')}`,
    );
    expect(r.isBase64Encoded).toBe(true);
  });
});
