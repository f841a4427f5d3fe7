import type { CycleKind } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';
import { whatToFile } from '../filing/filing.ts';
import type { ParticipantKind } from '../participants/participant.ts';
import { noticeDate, REGULATION_TITLE } from './format.ts';

/** What the participants' notice is written from. */
export interface ParticipantsNoticeFacts {
  readonly year: number;
  readonly kind: ParticipantKind;
  readonly code: string;
  readonly name: string;
  /** The issuing bureau's name (e.g. 鄂尔多斯市生态环境局). */
  readonly bureau: string;
  /** The day the bureau notified its participants: the filing window opens. */
  readonly issuedOn: LegalDate;
  /** The FILING window's closing date (Art 20: 20 working days). */
  readonly deadline: LegalDate;
}

/** `participants-<year>-<kind>`: one participants' notice per participant and cycle (issuing it twice changes nothing). */
export const participantsNoticeId = (year: number, kind: CycleKind): string => `participants-${year}-${kind}`;

/**
 * 参评通知 (Art 16(1), 17(1), 20): the participant is on the year's list, must file within 20
 * working days of this notice — basic information, the records it reports itself (Art 9(1)) and
 * the commitment letter (Annex 4) — and bears the consequences of not filing on time (Art 20, 32).
 */
export const participantsNotice = (f: ParticipantsNoticeFacts): { title: string; body: string } => {
  const unit = f.kind === 'enterprise' ? '企事业单位' : '第三方服务机构';
  const items = whatToFile(f.kind).map((item, i) => `${i + 1}. ${item.name}：${item.detail}（${item.article}）。`);
  return {
    title: `关于参加${f.year}年度环保信用评价的通知`,
    body: [
      `${f.name}（统一社会信用代码：${f.code}）：`,
      `根据${REGULATION_TITLE}，贵单位已列入${f.year}年度${unit}环保信用评价参评名单。请于${noticeDate(f.deadline)}前（接到本通知后20个工作日内）登录环保信用评价系统，完成下列填报和上报：`,
      items.join('\n'),
      '参评单位无正当理由不及时或不如实填报环保信用信息，造成的不利后果由参评单位自行承担（第二十条）；不享受激励性措施（第三十二条）。',
      `${f.bureau}\n${noticeDate(f.issuedOn)}`,
    ].join('\n\n'),
  };
};
