import type { CycleKind } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';
import type { SubjectResult } from '../evaluation/result.ts';
import { maskResidentId } from '../participants/practitionerFiling.ts';
import { noticeDate, REGULATION_TITLE } from './format.ts';

/** What the confirmation notice is written from: the participant's evaluation on the notice's day. */
export interface ConfirmationNoticeFacts {
  readonly year: number;
  readonly kind: CycleKind;
  readonly code: string;
  readonly name: string;
  /** The issuing bureau's name (e.g. 鄂尔多斯市生态环境局). */
  readonly bureau: string;
  /** The day the bureau notified (the CONFIRMATION window opens). */
  readonly issuedOn: LegalDate;
  /** The CONFIRMATION window's closing date: the objection deadline. */
  readonly deadline: LegalDate;
  /** Art 17(3) for agencies, Art 18(4) for practitioners. */
  readonly article: string;
  readonly result: SubjectResult;
}

/** `confirmation-<year>-<kind>`: one confirmation notice per participant and cycle (issuing it twice changes nothing). */
export const confirmationNoticeId = (year: number, kind: CycleKind): string => `confirmation-${year}-${kind}`;

const ARTICLE_TEXT: Record<string, string> = { 'Art 17(3)': '第十七条第三项', 'Art 18(4)': '第十八条第四项' };

/** `-3` → `扣3分`, `2` → `加2分`: points as a notice writes them. */
const pointsText = (points: number): string =>
  points < 0 ? `扣${-points}分` : points > 0 ? `加${points}分` : '不计分';

/** The pre-grade in the regulation's words: score and grade (Art 11, 12), or dishonest or not (Art 13). */
const preGradeText = (r: SubjectResult): string => {
  if ('score' in r)
    return r.grade === null
      ? `预评得分${r.score}分，暂不评定等级`
      : `预评得分${r.score}分，预评等级为${r.grade}级（${r.gradeName}）${r.directD ? '，直接评定为D级' : ''}`;
  if (r.dishonest === null) return '暂不评定';
  return r.dishonest ? '预评结果为环保失信个人' : '预评结果为未发现环保失信行为';
};

/**
 * 信息确认通知 (Art 17(3), 18(4)): the records the bureau holds for the year, each with its points,
 * and the pre-grade the domain computes from them, to be confirmed or objected to within 5 working
 * days (the CONFIRMATION window; its closing date is the objection deadline). Records that count are
 * listed with their points; records waiting on a credit warning's deadline (Art 22) are listed apart.
 */
export const confirmationNotice = (f: ConfirmationNoticeFacts): { title: string; body: string } => {
  const counted = f.result.items.filter((i) => i.state === 'counted');
  const lines =
    counted.length === 0
      ? ['本年度无计分的环境信用记录。']
      : counted.map(
          (i, n) =>
            `${n + 1}. ${noticeDate(i.occurredOn)} ${i.wording}：${pointsText(i.points)}（${i.article}，记录编号 ${i.eventId}）。`,
        );
  const pending = f.result.pending.map(
    (p) =>
      `· ${p.wording}：${pointsText(p.points)}，${p.deadline ? `整改期限${noticeDate(p.deadline)}，` : ''}暂不计分（记录编号 ${p.eventId}）。`,
  );
  // Art 18(6): a practitioner's notice is read by its employer and listed by the bureau; the number is masked.
  const [who, idName, code] =
    f.kind === 'practitioner'
      ? ['本人', '公民身份号码', maskResidentId(f.code)]
      : ['贵单位', '统一社会信用代码', f.code];
  return {
    title: `关于确认${f.year}年度环境信用信息和预评结果的通知`,
    body: [
      `${f.name}（${idName}：${code}）：`,
      `根据${REGULATION_TITLE}${ARTICLE_TEXT[f.article] ?? f.article}，现将${who}${f.year}年度环境信用信息和预评结果通知如下：`,
      ['一、环境信用记录', ...lines, ...(pending.length > 0 ? ['信用预警整改期内的记录：', ...pending] : [])].join(
        '\n',
      ),
      `二、预评结果\n${preGradeText(f.result)}。`,
      `请于${noticeDate(f.deadline)}前（接到本通知后5个工作日内）登录环保信用评价系统确认；如有异议，请在此期限内提出异议申请，写明异议的记录和理由，并提交证明材料。逾期未提出异议的，视为无异议。`,
      `${f.bureau}\n${noticeDate(f.issuedOn)}`,
    ].join('\n\n'),
  };
};
