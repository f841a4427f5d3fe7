import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  chineseDateTime,
  leagueName,
  pointsText,
  scoreText,
  workingDaysLeftText,
} from '../../../../functions/web/ui/format.ts';

describe('how pages write dates and numbers', () => {
  it('writes a date as official documents do, without leading zeros', () => {
    expect(chineseDate('2026-05-13')).toBe('2026年5月13日');
    expect(chineseDate('2026-11-01')).toBe('2026年11月1日');
  });

  it('writes an instant in Beijing time', () => {
    expect(chineseDateTime('2026-05-12T16:05:00Z')).toBe('2026年5月13日 00:05');
  });

  it('counts working days left, due today and overdue', () => {
    expect(workingDaysLeftText(3)).toBe('还剩 3 个工作日');
    expect(workingDaysLeftText(0)).toBe('今日截止');
    expect(workingDaysLeftText(-2)).toBe('已逾期 2 个工作日');
  });

  it('writes scores with at most one decimal and signs deductions and additions', () => {
    expect([scoreText(100), scoreText(85.5), pointsText(-3), pointsText(2), pointsText(0)]).toEqual([
      '100',
      '85.5',
      '-3',
      '+2',
      '0',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (tenths) => {
        expect(Number(scoreText(tenths / 10))).toBe(tenths / 10);
      }),
    );
  });

  it('names leagues and the region by their codes', () => {
    expect(leagueName('150600')).toBe('鄂尔多斯市');
    expect(leagueName('150000')).toBe('内蒙古自治区生态环境厅');
    expect(leagueName(null)).toBe('未确定');
  });
});
