import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { type Column, DataTable } from '../../../../functions/web/ui/table.tsx';

const columns: Column<{ id: string; n: number }>[] = [
  { header: '编号', cell: (r) => r.id },
  { header: '分值', class: 'num', cell: (r) => String(r.n) },
];
const rows = [
  { id: 'E-1', n: -5 },
  { id: 'E-2', n: 3 },
];

describe('a data table', () => {
  it('is named by its caption, with a column header per column and a cell per row and column', () => {
    const html = render(<DataTable name={{ caption: '信用信息' }} columns={columns} rows={rows} />);
    expect(html).toContain('<caption>信用信息</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col" class="num">分值</th>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('<td>E-2</td><td class="num">3</td>');
    expect(html.startsWith('<div class="table-wrap">')).toBe(true);
  });

  it('is named by a heading instead, without a caption, and bare when asked', () => {
    const html = render(<DataTable name={{ labelledBy: 'pending-title' }} columns={columns} rows={rows} bare />);
    expect(html.startsWith('<table aria-labelledby="pending-title">')).toBe(true);
    expect(html).not.toContain('<caption>');
  });
});
