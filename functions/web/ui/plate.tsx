import { GRADE_NAMES, type Grade } from '../../../domain/evaluation/grade.ts';

/**
 * A grade as a coloured plate with its name (Art 11, 12): green 环保诚信单位 A, blue 环保良好单位 B,
 * yellow 环保警示单位 C, red 环保不良单位 D — the colour never stands alone: the letter and the name
 * are always written.
 */
export const Plate = ({ grade, size }: { grade: Grade | null; size?: 'large' }) =>
  grade === null ? (
    <span class="plate plate-none">暂不评级</span>
  ) : (
    <span class={`plate plate-${grade}${size === 'large' ? ' plate-large' : ''}`}>
      <span class="plate-letter">{grade}</span> {GRADE_NAMES[grade]}
    </span>
  );
