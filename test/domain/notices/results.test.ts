import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADE_NAMES, type Grade } from '../../../domain/evaluation/grade.ts';
import { incentivesWithheld, resultsNotice, resultsNoticeId } from '../../../domain/notices/results.ts';

const facts = (over: Partial<Parameters<typeof resultsNotice>[0]> = {}) => ({
  year: 2025,
  kind: 'agency' as const,
  code: '91150600MA0N000001',
  name: '鄂尔多斯环评咨询有限公司',
  grade: 'B' as Grade,
  score: 88.5,
  blacklisted: false,
  publishedOn: '2026-06-05',
  ...over,
});

describe('the results notice (Art 16(5), 17(7))', () => {
  it('tells the unit its published score and grade, under the article that publishes its kind', () => {
    const text = resultsNotice(facts());
    expect(text.title).toBe('2025年度环保信用评价结果通知');
    expect(text.body).toContain('鄂尔多斯环评咨询有限公司（统一社会信用代码：91150600MA0N000001）');
    expect(text.body).toContain('根据《内蒙古自治区环保信用评价管理暂行办法》第十七条第七项的规定');
    expect(text.body).toContain('已于2026年6月5日通过门户网站公布');
    expect(text.body).toContain('评分88.5分，B级（环保良好单位）');
    expect(text.body).toContain('第二十九条规定的激励性措施');
    expect(resultsNotice(facts({ kind: 'enterprise' })).body).toContain('第十六条第五项');
  });

  it('names the blacklisting (Art 19) and the way to repair a C or D (Art 23–26, 30–31)', () => {
    const d = resultsNotice(facts({ grade: 'D', score: 52, blacklisted: true })).body;
    expect(d).toContain('D级（环保不良单位）');
    expect(d).toContain('列入环境保护领域失信黑名单');
    expect(d).toContain('第三十条、第三十一条');
    expect(d).toContain('申请信用修复');
    expect(resultsNotice(facts({ grade: 'A', score: 100 })).body).not.toContain('信用修复');
  });

  it('states every grade in the regulation’s words, and is one notice per unit and cycle', () => {
    fc.assert(
      fc.property(fc.constantFrom<Grade>('A', 'B', 'C', 'D'), fc.boolean(), (grade, blacklisted) => {
        const body = resultsNotice(facts({ grade, blacklisted })).body;
        expect(body).toContain(`${grade}级（${GRADE_NAMES[grade]}）`);
        expect(body.includes('失信黑名单')).toBe(blacklisted);
      }),
    );
    expect(resultsNoticeId(2025, 'agency')).toBe('results-2025-agency');
  });

  it('Art 32: an A or B unit that did not file on time is told it enjoys no incentives, never that it does', () => {
    fc.assert(
      fc.property(fc.constantFrom<Grade>('A', 'B', 'C', 'D'), fc.boolean(), (grade, withheld) => {
        const body = resultsNotice(facts({ grade, incentivesWithheld: withheld })).body;
        const ab = grade === 'A' || grade === 'B';
        expect(body.includes('可对贵单位采取第二十九条规定的激励性措施')).toBe(ab && !withheld);
        expect(body.includes('依照第三十二条的规定，不享受第二十九条规定的激励性措施')).toBe(ab && withheld);
      }),
    );
    expect(incentivesWithheld('A', [{ type: 'restriction' }])).toBe(true);
    expect(incentivesWithheld('B', [{ type: 'incentive' }])).toBe(false);
    expect(incentivesWithheld('C', [])).toBe(false);
  });
});
