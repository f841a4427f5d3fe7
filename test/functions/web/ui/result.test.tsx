import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../../domain/evaluation/measures.ts';
import {
  ItemsTable,
  itemColumns,
  MeasuresList,
  NotesList,
  type ShownItem,
  SitesTable,
  STATE_NAMES,
  stateText,
} from '../../../../functions/web/ui/result.tsx';

const item = (over: Partial<ShownItem> = {}): ShownItem => ({
  eventId: 'E-1',
  rule: 'SUP_CITY',
  wording: '被市级生态环境部门通报批评',
  points: -5,
  state: 'counted',
  article: 'Annex 1',
  articleName: '附件1',
  occurredOn: '2026-03-02',
  ...over,
});
const measure = (type: Measure['type']): Measure => ({
  article: 'Art 30(1)',
  articleName: '第三十条第一项',
  type,
  text: '加大执法检查频次',
  duration: '一年',
});
const sites = [
  { siteId: 'S1', weight: 0.625, score: 90, grade: 'B' as const },
  { siteId: 'S2', weight: 0.375, score: 70, grade: 'C' as const },
];

describe('a result’s reasons', () => {
  it('names every record state in the regulation’s words, and a repair with its date (Art 23)', () => {
    for (const name of Object.values(STATE_NAMES)) expect(name).toMatch(/\p{Script=Han}/u);
    expect(stateText(item())).toBe('计分');
    expect(stateText(item({ state: 'repaired' }))).toBe('已信用修复，不计分');
    expect(stateText(item({ state: 'repaired', repairedOn: '2026-03-02' }))).toBe('已信用修复（2026年3月2日），不计分');
  });

  it('shows only the columns a page asks for, in its order and words', () => {
    const html = render(
      <ItemsTable
        items={[item({ siteId: 'S2', carriedOver: true })]}
        name={{ caption: '评价依据的环境信用信息' }}
        columns={[itemColumns.wording(), itemColumns.points(), itemColumns.state('计分情况')]}
        empty={<p>无</p>}
      />,
    );
    expect(html).toContain('<caption>评价依据的环境信用信息</caption>');
    expect([...html.matchAll(/<th scope="col"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      '评价内容',
      '分值',
      '计分情况',
    ]);
    expect(html).toContain('<td class="num">-5</td>');
    expect(html).not.toContain('E-1');
    expect(html).not.toContain('S2');
    expect(html).not.toContain('结转');
  });

  it('marks a carried-over deduction (I6) and a record’s site only when a page asks', () => {
    const html = render(
      <ItemsTable
        items={[item({ siteId: 'S2', carriedOver: true })]}
        name={{ labelledBy: 'reasons-title' }}
        columns={[
          itemColumns.eventId('信息编号', 'nowrap'),
          itemColumns.wording({ site: true, carriedOverTag: '以前年度未整改' }),
          itemColumns.state('状态', { carriedOverNote: '（上年未整改，结转计入）' }),
        ]}
        empty={<p>无</p>}
      />,
    );
    expect(html).toContain('aria-labelledby="reasons-title"');
    expect(html).toContain('<td class="nowrap">E-1</td>');
    expect(html).toContain('<div class="muted">厂址 S2</div>');
    expect(html).toContain('<span class="tag">以前年度未整改</span>');
    expect(html).toContain('计分（上年未整改，结转计入）');
  });

  it('says so in the page’s words when there are no reasons', () => {
    const html = render(
      <ItemsTable
        items={[]}
        name={{ caption: 'x' }}
        columns={[itemColumns.wording()]}
        empty={<p>该年度无扣分或加分记录。</p>}
      />,
    );
    expect(html).toBe('<p>该年度无扣分或加分记录。</p>');
  });
});

describe('a result’s sites (Art 16(2))', () => {
  it('shows each site’s score and grade, and no weight unless asked', () => {
    const html = render(
      <SitesTable sites={sites} caption="各厂址的评价得分和等级" scoreHeader="评价得分" gradeHeader="评价等级" />,
    );
    expect([...html.matchAll(/<th scope="col"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      '厂址编号',
      '评价得分',
      '评价等级',
    ]);
    expect(html).not.toContain('权重');
    expect(html).not.toContain('%');
    expect(html).toContain('环保警示单位');
  });

  it('shows the weights as percentages when asked', () => {
    const html = render(<SitesTable sites={sites} caption="各厂址得分（第十六条第二项）" weights />);
    expect([...html.matchAll(/<th scope="col"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      '厂址编号',
      '权重',
      '得分',
      '等级',
    ]);
    expect(html).toContain('62.5%');
    expect(html).toContain('37.5%');
  });
});

describe('a result’s measures (Art 29–31) and notes', () => {
  it('lists the measures under the page’s heading, tagged by type when asked', () => {
    const html = render(
      <MeasuresList
        measures={[measure('restriction'), measure('incentive')]}
        title="激励和约束措施"
        level="h2"
        typeTags
      />,
    );
    expect(html).toContain('<h2>激励和约束措施</h2>');
    expect(html).toContain('<span class="tag">约束</span> 加大执法检查频次（第三十条第一项，一年）');
    expect(html).toContain('<span class="tag">激励</span>');
    const plain = render(<MeasuresList measures={[measure('restriction')]} title="适用的激励或约束措施" level="h3" />);
    expect(plain).toContain('<h3>适用的激励或约束措施</h3><ul><li>加大执法检查频次（第三十条第一项，一年）</li>');
  });

  it('without measures shows the page’s words, or nothing', () => {
    expect(render(<MeasuresList measures={[]} title="激励和约束措施" level="h2" empty="暂无。" />)).toBe(
      '<h2>激励和约束措施</h2><p>暂无。</p>',
    );
    expect(render(<MeasuresList measures={[]} title="适用的激励或约束措施" level="h3" />)).toBe('');
  });

  it('lists the notes, with their ids when asked, and nothing without notes', () => {
    const notes = [{ id: 'I6', text: '上年度未整改的扣分结转计入本年度。' }];
    expect(render(<NotesList notes={notes} level="h3" ids />)).toBe(
      '<h3>评价说明</h3><ul><li>上年度未整改的扣分结转计入本年度。 <span class="tag">I6</span></li></ul>',
    );
    expect(render(<NotesList notes={notes} level="h2" />)).toBe(
      '<h2>评价说明</h2><ul><li>上年度未整改的扣分结转计入本年度。</li></ul>',
    );
    expect(render(<NotesList notes={[]} level="h2" />)).toBe('');
  });
});
