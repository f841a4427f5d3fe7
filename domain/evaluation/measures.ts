import { articleName } from '../catalogue/articles.ts';
import type { SubjectKind } from '../catalogue/kinds.ts';
import type { Grade } from './grade.ts';

/**
 * The measures in force for a result (Art 19, 28-33), as data a caller can show. Wording is the
 * regulation's own.
 */
export interface Measure {
  readonly article: string;
  /** The article in the regulation's Chinese (第二十九条第一项). */
  readonly articleName: string;
  readonly type: 'incentive' | 'restriction';
  readonly text: string;
  /** How long it applies, in the regulation's words. */
  readonly duration: string;
}

const measure = (article: string, type: Measure['type'], text: string, duration: string): Measure => ({
  article,
  articleName: articleName(article),
  type,
  text,
  duration,
});
const incentive = (article: string, text: string): Measure => measure(article, 'incentive', text, '评价结果公布1年内');
const cMeasure = (article: string, text: string): Measure =>
  measure(article, 'restriction', text, '环保信用修复完成前');

/** Art 29: for A and B units, for one year after publication. */
const ART_29_INCENTIVES: readonly Measure[] = [
  incentive('Art 29(1)', '积极安排生态环保专项资金或其他补助资金，在同等条件下列为优先选择对象'),
  incentive('Art 29(2)', '同等条件下支持开展清洁生产示范项目、循环经济试点项目，支持安排生态环境科技项目立项'),
  incentive('Art 29(3)', '纳入监督执法正面清单管理'),
  incentive('Art 29(4)', '同等条件下优先获得相关环保荣誉称号'),
  incentive('Art 29(5)', '鼓励媒体、自治区宣传教育中心对环保诚信单位进行公开和宣传，树立生产经营单位环境诚信典范'),
  incentive('Art 29(6)', '国家或地方规定的其他激励性措施'),
];

/** Art 30: for C units until repaired (and, by Art 31, for D units too). */
const ART_30_MEASURES: readonly Measure[] = [
  cMeasure('Art 30(1)', '在日常监管中，列为重点监管对象，增加监管频次，加强现场检查'),
  cMeasure('Art 30(2)', '依据国家相关规定，取消生态环境主管部门组织的评优评先活动资格'),
  cMeasure('Art 30(3)', '国家或地方规定的其他约束性措施'),
];

/** Art 31: for D units until repaired, in addition to Art 30; (2) concerns agencies only. */
const ART_31_MEASURES: readonly (Measure & { readonly onlyFor?: SubjectKind })[] = [
  cMeasure('Art 31(1)', '原则上不予安排生态环保专项资金或其他补助资金、清洁生产示范项目、循环经济试点项目'),
  { ...cMeasure('Art 31(2)', '各级政府或者有关部门不得采购其环境服务'), onlyFor: 'agency' },
  cMeasure('Art 31(3)', '在实施行政许可等工作中，列为重点审查对象，不适用告知承诺等简化程序'),
  cMeasure('Art 31(4)', '在财政资金资助等政策扶持中，作相应限制'),
  cMeasure('Art 31(5)', '在行政管理和公共服务中，限制享受相关便利化措施'),
  cMeasure('Art 31(6)', '联合资质管理、认证认可等有关部门和行业组织采取相应惩戒措施'),
  cMeasure('Art 31(7)', '在其他部门组织的评优评先活动中出具否定性意见'),
  cMeasure(
    'Art 31(8)',
    '生态环境主管部门、信用管理部门以及开展联合惩戒的相关职能部门依照法律法规和相关规定对有关责任人员采取相应的联合惩戒措施',
  ),
];

/** Art 19: three consecutive D years → the blacklist; Art 28 doubles the inspection ratio. */
const BLACKLIST_MEASURE: Measure = measure(
  'Art 19',
  'restriction',
  '列入环境保护领域失信黑名单管理，“双随机”抽查比例为原抽查比例的200%',
  '自评价结果公布之日起，至其后公布的评价等级不为D级',
);

/** Art 33: environmental-dishonest individuals. */
const ART_33_MEASURES: readonly Measure[] = [
  measure('Art 33(1)', 'restriction', '对其在其他部门组织的评优评先活动中出具否定性意见', '信用修复完成前'),
  measure(
    'Art 33(2)',
    'restriction',
    '对其在生态环境部门组织的评优评先活动中出具否定性意见且限期12个月不得从事相关活动',
    '12个月',
  ),
  measure('Art 33(3)', 'restriction', '重点审查该个人参与项目', '信用修复完成前'),
];

/**
 * Measures for an enterprise's or agency's grade. Art 32: a participant that did not file on time or
 * truthfully gets no incentives.
 */
export const measuresForGrade = (
  kind: 'enterprise' | 'agency',
  grade: Grade,
  blacklisted: boolean,
  reportedLate: boolean,
): Measure[] => {
  const out: Measure[] = [];
  if ((grade === 'A' || grade === 'B') && !reportedLate) out.push(...ART_29_INCENTIVES);
  if (grade === 'C' || grade === 'D') out.push(...ART_30_MEASURES);
  if (grade === 'D')
    out.push(
      ...ART_31_MEASURES.filter((m) => m.onlyFor === undefined || m.onlyFor === kind).map(({ onlyFor: _, ...m }) => m),
    );
  if (blacklisted) out.push(BLACKLIST_MEASURE);
  return out;
};

export const measuresForPractitioner = (dishonest: boolean): Measure[] => (dishonest ? [...ART_33_MEASURES] : []);
