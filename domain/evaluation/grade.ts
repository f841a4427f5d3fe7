import type { Tenths } from '../points.ts';

/** Art 11 (enterprises) and Art 12 (agencies): four grades by score. */
export type Grade = 'A' | 'B' | 'C' | 'D';

export const GRADE_NAMES: Record<Grade, string> = {
  A: '环保诚信单位',
  B: '环保良好单位',
  C: '环保警示单位',
  D: '环保不良单位',
};

/** Lower bounds in tenths: A ≥ 95; 95 > B ≥ 75; 75 > C ≥ 60; D < 60 (Art 11, 12). */
const GRADE_THRESHOLDS: readonly { readonly grade: Grade; readonly atLeast: number }[] = [
  { grade: 'A', atLeast: 950 },
  { grade: 'B', atLeast: 750 },
  { grade: 'C', atLeast: 600 },
];

export const gradeOfScore = (score: Tenths): Grade =>
  GRADE_THRESHOLDS.find((t) => (score as number) >= t.atLeast)?.grade ?? 'D';

/** Art 14: a counted direct-D record makes the grade D whatever the score. */
export const gradeOf = (score: Tenths, directD: boolean): Grade => (directD ? 'D' : gradeOfScore(score));

const ORDER: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3 };

/** True when `a` is a better grade than `b`. */
export const isBetterGrade = (a: Grade, b: Grade): boolean => ORDER[a] < ORDER[b];
