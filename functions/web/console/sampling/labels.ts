import { GRADE_NAMES } from '../../../../domain/evaluation/grade.ts';
import type { SamplingClass } from '../../../../domain/evaluation/samplingList.ts';
import type { SamplingListValue } from '../../../results-use/samplingList.ts';
import { leagueName } from '../../ui/format.ts';

/** A ratio in per-mille as a percentage: 15 → 1.5%, 300 → 30%. */
export const ratioText = (permille: number): string =>
  permille % 10 === 0 ? `${permille / 10}%` : `${(permille / 10).toFixed(1)}%`;

/** Art 28's classes in the regulation's words. */
export const samplingClassText = (c: SamplingClass): string =>
  c === 'blacklisted' ? '列入黑名单' : c === 'ungraded' ? '暂不评级' : `${c} ${GRADE_NAMES[c]}`;

export const samplingTitle = (v: Pick<SamplingListValue, 'year' | 'league'>): string =>
  `${v.year ?? ''}${v.year === null ? '' : '年度'}“双随机”抽查名单（${v.league === null ? '全区' : leagueName(v.league)}）`;

/** The list's query, as the page's form and the Excel link send it. */
export const samplingQueryText = (v: Pick<SamplingListValue, 'year' | 'league' | 'basePermille'>): string => {
  const q = new URLSearchParams();
  if (v.year !== null) q.set('year', String(v.year));
  if (v.league !== null) q.set('league', v.league);
  q.set('basePermille', String(v.basePermille));
  return q.toString();
};
