import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { gradeOptions, kindOptions, leagueOptions, SelectFilter } from '../../../../functions/web/ui/filters.tsx';

describe('a filter bar’s select', () => {
  it('is labelled, offers "all" first and marks the chosen value', () => {
    const html = render(
      <SelectFilter name="grade" label="评价等级" all="全部等级" options={gradeOptions()} selected="B" />,
    );
    expect(html).toContain('<label for="grade">评价等级</label>');
    expect(html).toContain('<select id="grade" name="grade"><option value>全部等级</option>');
    expect(html).toContain('<option value="B" selected>B 环保良好单位</option>');
    expect(html.match(/<option/g)).toHaveLength(5);
  });

  it('offers no "all" without its words, and may have an id other than its name', () => {
    const html = render(
      <SelectFilter
        name="year"
        id="grade-year"
        label="年度"
        options={[{ value: '2026', text: '2026年' }]}
        selected="2026"
      />,
    );
    expect(html).toContain('<label for="grade-year">年度</label><select id="grade-year" name="year">');
    expect(html).not.toContain('<option value>');
  });

  it('names leagues, kinds and grades in Chinese', () => {
    expect(leagueOptions(['150600'])).toEqual([{ value: '150600', text: '鄂尔多斯市' }]);
    expect(kindOptions(['agency'])[0]?.value).toBe('agency');
    expect(kindOptions(['agency'])[0]?.text).not.toBe('agency');
    expect(gradeOptions(['D'])).toEqual([{ value: 'D', text: 'D 环保不良单位' }]);
  });
});
