import type { LegalDate } from '../dates.ts';
import { type JurisdictionCode, jurisdictionName } from '../identifiers/leagues.ts';
import { REGULATION_TITLE } from './format.ts';

/**
 * The written credit warning notice (书面信用预警通知, Art 22): who is warned, the behaviour found
 * (the catalogue's wording and what was found), the rectification required and its deadline, and
 * what follows either way (Art 22: rectified in time and confirmed, no deduction in the period;
 * I8: otherwise the deduction counts from the occurrence date). Pure text from data.
 */
export interface WarningNoticeData {
  readonly eventId: string;
  readonly subjectName: string;
  readonly subjectCode: string;
  readonly league: JurisdictionCode;
  readonly issuedOn: LegalDate;
  readonly occurredOn: LegalDate;
  /** The catalogue's 评价内容 of the behaviour (附件1/附件2 wording). */
  readonly wording: string;
  /** The points the behaviour costs if not rectified in time, e.g. "扣3分". */
  readonly pointsText: string;
  readonly description: string;
  readonly rectificationRequired: string;
  readonly deadline: LegalDate;
}

/** `2026-05-13` → `2026年5月13日` (the domain's own formatter: it may not import the pages' helpers). */
export const chineseLegalDate = (d: LegalDate): string => {
  const [y, m, day] = d.split('-');
  return `${Number(y)}年${Number(m)}月${Number(day)}日`;
};

export const WARNING_NOTICE_TITLE = '环保信用预警通知书';

export const warningNoticeText = (n: WarningNoticeData): { readonly title: string; readonly body: string } => {
  const bureau = jurisdictionName(n.league);
  const paragraphs = [
    `${n.subjectName}（统一社会信用代码：${n.subjectCode}）：`,
    `${chineseLegalDate(n.occurredOn)}，我局发现你单位存在以下环保信用失信行为：${n.wording}。${n.description}`,
    `根据${REGULATION_TITLE}第二十一条、第二十二条的规定，现对你单位启动信用预警，并提出以下整改要求：${n.rectificationRequired}`,
    `请你单位于${chineseLegalDate(n.deadline)}前（含当日）完成有效整改，并通过环保信用评价系统报告整改情况及证明材料。`,
    `在上述时限内完成有效整改并经我局确认的，结束信用预警，在评价期内不予扣分；逾期未完成整改或整改未经确认的，该信息自发生之日（${chineseLegalDate(n.occurredOn)}）起计入环保信用评价（${n.pointsText}）。`,
    `信息编号：${n.eventId}`,
    `${bureau}\n${chineseLegalDate(n.issuedOn)}`,
  ];
  return { title: WARNING_NOTICE_TITLE, body: paragraphs.join('\n\n') };
};
