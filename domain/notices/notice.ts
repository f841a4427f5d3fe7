/**
 * The notices the regulation implies, each issued in writing to a participant:
 * - `participants`: 参评通知, the start of the filing window (Art 20);
 * - `confirmation`: 确认通知, the records with their points and the pre-grade, and the objection
 *   deadline (Art 17(3), 18(4));
 * - `objectionReview`: 异议复核结果通知 (Art 17(3) "将复核结果通知参评单位");
 * - `warning`: 信用预警通知, the behaviour, the rectification required and its deadline (Art 21-22);
 * - `lateFiling`: 逾期填报告知, the filing window closed without a filing, or with a late one (Art 20, 32);
 * - `results`: 评价结果通知, the unit's final result once the region published the year (Art 16(5), 17(7));
 * - `practitionerResults`: 从业人员评定结果通知, the region to a league bureau (Art 18(6));
 * - `dishonestLetter`: 环保失信个人函告, a bureau to a dishonest individual via its employer (Art 18(6)).
 */
export const NOTICE_KINDS = [
  'participants',
  'confirmation',
  'objectionReview',
  'warning',
  'lateFiling',
  'results',
  'practitionerResults',
  'dishonestLetter',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_NAMES: Record<NoticeKind, string> = {
  participants: '参评通知',
  confirmation: '信息确认通知',
  objectionReview: '异议复核结果通知',
  warning: '信用预警通知',
  lateFiling: '逾期填报告知',
  results: '评价结果通知',
  practitionerResults: '从业人员评定结果通知',
  dishonestLetter: '失信函告',
};
