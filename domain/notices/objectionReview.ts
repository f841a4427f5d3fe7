import type { LegalDate } from '../dates.ts';
import { jurisdictionName, type LeagueCode } from '../identifiers/leagues.ts';
import { type Objection, objectionIdShown, PRE_GRADE, REVIEW_OUTCOME_NAMES } from '../objections/objection.ts';
import { maskResidentId } from '../participants/practitionerFiling.ts';
import { REGULATION_TITLE } from './format.ts';

/**
 * The objection-review-result notice (异议复核结果通知): Art 17(3) "将复核结果通知参评单位" and
 * Art 18(4) for practitioners. Per disputed record (or the pre-grade as a whole) the conclusion —
 * 维持, 更正 or 撤销 — with its reasons. Pure text from data.
 */
export const OBJECTION_REVIEW_TITLE = '环保信用评价异议复核结果通知书';

/** The notice id: deterministic from the objection, so that issuing it again changes nothing. */
export const objectionReviewNoticeId = (objectionId: string): string => `objection-${objectionId}`;

const dateText = (d: LegalDate): string => {
  const [y, m, day] = d.split('-');
  return `${Number(y)}年${Number(m)}月${Number(day)}日`;
};

export interface ObjectionReviewNoticeData {
  readonly objection: Objection;
  readonly subjectCode: string;
  readonly reviewedOn: LegalDate;
  /** The catalogue's wording of each disputed record, by eventId (the eventId alone when unknown). */
  readonly wordings: Readonly<Record<string, string>>;
}

const ARTICLE: Record<string, string> = { agency: '第十七条第三项', practitioner: '第十八条第四项' };

export const objectionReviewNoticeText = (
  n: ObjectionReviewNoticeData,
): { readonly title: string; readonly body: string } => {
  const o = n.objection;
  const bureau = jurisdictionName(o.league as LeagueCode);
  const what = (target: string) =>
    target === PRE_GRADE ? '预评等级整体' : `信用信息“${n.wordings[target] ?? target}”（事件编号 ${target}）`;
  const lines = o.reviews.map((r, i) => {
    const corrected =
      r.correction && r.target !== PRE_GRADE
        ? `更正后的信用信息为事件编号 ${r.correction.eventId}（发生日期${dateText(r.correction.occurredOn)}）。`
        : '';
    return `${i + 1}. ${what(r.target)}：${REVIEW_OUTCOME_NAMES[r.outcome]}。理由：${r.reasons}${corrected ? `。${corrected}` : ''}`;
  });
  // Art 18(6): a practitioner's notice is read by its employer and listed by the bureau; the number is masked.
  const code = o.subject.kind === 'practitioner' ? maskResidentId(n.subjectCode) : n.subjectCode;
  const paragraphs = [
    `${o.subjectName}（${o.subject.kind === 'practitioner' ? '公民身份号码' : '统一社会信用代码'}：${code}）：`,
    `${o.subject.kind === 'practitioner' ? '你' : '你单位'}于${dateText(o.filedOn)}对${o.cycle.year}年度环保信用评价的环境信息和预评结果提出的异议（异议编号 ${objectionIdShown(o.id)}），我局已复核完毕。根据${REGULATION_TITLE}${ARTICLE[o.subject.kind] ?? '第十七条第三项'}的规定，现将复核结果通知如下：`,
    ...lines,
    '被撤销或更正的信用信息已按复核结果重新计入评价，拟定等级随之更新。',
    `${bureau}`,
    dateText(n.reviewedOn),
  ];
  return { title: OBJECTION_REVIEW_TITLE, body: paragraphs.join('\n\n') };
};
