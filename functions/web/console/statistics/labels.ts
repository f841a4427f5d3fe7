import type { Grade } from '../../../../domain/evaluation/grade.ts';
import type { StatisticsRow } from '../../../results-use/resultStatistics.ts';
import { GRADES } from '../../ui/format.ts';

export const STATISTICS_TITLE = '评价结果统计';

export const totalOf = (counts: Readonly<Record<Grade, number>>): number => GRADES.reduce((s, g) => s + counts[g], 0);

/** The rows' counts added up (a kind's year over its leagues). */
export const sumCounts = (rows: readonly Pick<StatisticsRow, 'counts'>[]): Record<Grade, number> => {
  const sum: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const r of rows) for (const g of GRADES) sum[g] += r.counts[g];
  return sum;
};
