import type { CycleKind } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';
import { GRADE_NAMES, type Grade } from '../evaluation/grade.ts';
import { noticeDate, REGULATION_TITLE } from './format.ts';

/** What a unit's results notice is written from: its final result as published. */
export interface ResultsFacts {
  readonly year: number;
  readonly kind: Extract<CycleKind, 'enterprise' | 'agency'>;
  readonly code: string;
  readonly name: string;
  readonly grade: Grade;
  /** The score in points, as the result states it (99.8). */
  readonly score: number;
  /** Art 19: on the environmental blacklist with this result (I10). */
  readonly blacklisted: boolean;
  /**
   * Art 32: an A or B unit that did not file its credit information on time or truthfully enjoys no
   * incentives; its result then carries no incentive measure (measuresForGrade). Absent: false.
   */
  readonly incentivesWithheld?: boolean;
  readonly publishedOn: LegalDate;
}

/** `results-<year>-<kind>`: one results notice per participant and cycle. */
export const resultsNoticeId = (year: number, kind: CycleKind): string => `results-${year}-${kind}`;

/** Where each kind's publication is ruled: Art 16(5) for enterprises, Art 17(7) for agencies. */
const PUBLICATION_ARTICLE: Record<ResultsFacts['kind'], string> = {
  enterprise: '第十六条第五项',
  agency: '第十七条第七项',
};

/** The measures that follow a grade (Art 29–31), and what the unit may do about them (Art 23–26). */
const MEASURES: Record<Grade, string> = {
  A: '评价结果公布1年内，可对贵单位采取第二十九条规定的激励性措施。',
  B: '评价结果公布1年内，可对贵单位采取第二十九条规定的激励性措施。',
  C: '环保信用修复完成前，可对贵单位采取第三十条规定的惩戒性措施。贵单位可依照第二十三条至第二十六条的规定申请信用修复。',
  D: '环保信用修复完成前，可对贵单位采取第三十条、第三十一条规定的惩戒性措施。贵单位可依照第二十三条至第二十六条的规定申请信用修复。',
};

/** Art 32: "无正当理由不及时或不如实填报环保信用信息，不享受激励性措施". */
const INCENTIVES_WITHHELD =
  '贵单位列入参评名单后未按时、如实填报环保信用信息，依照第三十二条的规定，不享受第二十九条规定的激励性措施。';

/** Art 32: an A or B result without incentives — the unit did not file on time or truthfully. */
export const incentivesWithheld = (grade: Grade, measures: readonly { readonly type: string }[]): boolean =>
  (grade === 'A' || grade === 'B') && !measures.some((m) => m.type === 'incentive');

/**
 * 评价结果通知 (Art 16(5), 17(7)): the region published the year's results; each participant unit is
 * told its own final result in writing — the score, the grade with its name (Art 12), a blacklisting
 * (Art 19), the measures that follow (Art 29–31) and, for C and D, the way to repair (Art 23–26).
 * Practitioners get no such notice: their results are not published (Art 18(6)).
 */
export const resultsNotice = (f: ResultsFacts): { title: string; body: string } => ({
  title: `${f.year}年度环保信用评价结果通知`,
  body: [
    `${f.name}（统一社会信用代码：${f.code}）：`,
    `根据${REGULATION_TITLE}${PUBLICATION_ARTICLE[f.kind]}的规定，${f.year}年度环保信用评价结果已于${noticeDate(f.publishedOn)}通过门户网站公布。贵单位的评价结果为：评分${f.score}分，${f.grade}级（${GRADE_NAMES[f.grade]}）。`,
    ...(f.blacklisted ? ['贵单位连续3年评定为D级，依照第十九条列入环境保护领域失信黑名单管理。'] : []),
    f.incentivesWithheld && (f.grade === 'A' || f.grade === 'B') ? INCENTIVES_WITHHELD : MEASURES[f.grade],
    `内蒙古自治区生态环境厅\n${noticeDate(f.publishedOn)}`,
  ].join('\n\n'),
});
