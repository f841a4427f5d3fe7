import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeOf, gradeOfScore, isBetterGrade } from '../../../domain/evaluation/grade.ts';
import { tenths } from '../../../domain/points.ts';

describe('grades (Art 11, Art 12)', () => {
  it.each([
    [1010, 'A'],
    [950, 'A'],
    [949, 'B'],
    [945, 'B'],
    [750, 'B'],
    [749, 'C'],
    [745, 'C'],
    [600, 'C'],
    [599, 'D'],
    [595, 'D'],
    [-100, 'D'],
  ] as const)('a score of %d tenths is grade %s', (score, grade) => {
    expect(gradeOfScore(tenths(score))).toBe(grade);
  });

  it('Art 14: a direct-D case is D whatever the score', () => {
    expect(gradeOf(tenths(1000), true)).toBe('D');
    expect(gradeOf(tenths(1000), false)).toBe('A');
  });

  it('a lower score never gets a better grade (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (s, d) => {
        expect(isBetterGrade(gradeOfScore(tenths(s - d)), gradeOfScore(tenths(s)))).toBe(false);
      }),
    );
  });
});
