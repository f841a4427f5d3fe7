import type { CycleKind } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';
import { noticeDate } from './format.ts';

/** What the late-filing note is written from. */
export interface LateFilingFacts {
  readonly year: number;
  readonly code: string;
  readonly name: string;
  readonly bureau: string;
  /** The FILING window's closing date. */
  readonly closedOn: LegalDate;
  /** The day the note is issued. */
  readonly issuedOn: LegalDate;
}

/** `lateFiling-<year>-<kind>`: one note per participant and cycle. */
export const lateFilingNoticeId = (year: number, kind: CycleKind): string => `lateFiling-${year}-${kind}`;

/**
 * 逾期填报告知 (Art 20, 32): the filing window closed without the participant's filing. A filing made
 * afterwards is still accepted, marked late; either way the participant did not report on time and
 * enjoys no incentive measures for the year (Art 32).
 */
export const lateFilingNotice = (f: LateFilingFacts): { title: string; body: string } => ({
  title: `${f.year}年度环保信用评价逾期填报告知`,
  body: [
    `${f.name}（统一社会信用代码：${f.code}）：`,
    `${f.year}年度环保信用评价的填报期限已于${noticeDate(f.closedOn)}届满，贵单位未在期限内完成基本信息、环境行为信用信息的填报及环保信用承诺书的上报（第二十条）。`,
    '贵单位仍可登录环保信用评价系统补充填报，补充填报的信息记为逾期填报。',
    '根据第二十条、第三十二条，参评单位无正当理由不及时填报环保信用信息，造成的不利后果由参评单位自行承担，不享受激励性措施。',
    `${f.bureau}\n${noticeDate(f.issuedOn)}`,
  ].join('\n\n'),
});
