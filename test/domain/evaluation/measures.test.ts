import { describe, expect, it } from 'vitest';
import { measuresForGrade, measuresForPractitioner } from '../../../domain/evaluation/measures.ts';

const articles = (ms: { article: string }[]) => ms.map((m) => m.article);

describe('measures in force (Art 19, 29-33)', () => {
  it('Art 29: incentives for A and B', () => {
    expect(articles(measuresForGrade('enterprise', 'A', false, false))).toEqual([
      'Art 29(1)',
      'Art 29(2)',
      'Art 29(3)',
      'Art 29(4)',
      'Art 29(5)',
      'Art 29(6)',
    ]);
    expect(measuresForGrade('agency', 'B', false, false)).toHaveLength(6);
  });

  it('Art 32: no incentives for a participant that did not file on time', () => {
    expect(measuresForGrade('enterprise', 'A', false, true)).toEqual([]);
  });

  it('Art 30: measures for C until repaired', () => {
    expect(articles(measuresForGrade('enterprise', 'C', false, false))).toEqual([
      'Art 30(1)',
      'Art 30(2)',
      'Art 30(3)',
    ]);
  });

  it('Art 31(2): a D agency may not be procured by governments; a D enterprise has no such line', () => {
    const ag = measuresForGrade('agency', 'D', false, false);
    expect(ag.find((m) => m.article === 'Art 31(2)')!.text).toBe('各级政府或者有关部门不得采购其环境服务');
    expect(articles(measuresForGrade('enterprise', 'D', false, false))).not.toContain('Art 31(2)');
    expect(ag).toHaveLength(3 + 8);
  });

  it('Art 19: the blacklist adds its own measure', () => {
    expect(articles(measuresForGrade('enterprise', 'D', true, false))).toContain('Art 19');
  });

  it('Art 33: measures for environmental-dishonest individuals', () => {
    expect(articles(measuresForPractitioner(true))).toEqual(['Art 33(1)', 'Art 33(2)', 'Art 33(3)']);
    expect(measuresForPractitioner(false)).toEqual([]);
  });
});
