import type { LegalDate } from '../dates.ts';
import type { Measure } from '../evaluation/measures.ts';
import { DISHONEST_INDIVIDUAL_NAME } from '../evaluation/practitioner.ts';
import { maskResidentId } from '../participants/practitionerFiling.ts';
import { noticeDate, REGULATION_TITLE } from './format.ts';

/** A record counted in a practitioner's final result (Art 13, 18(3)), as the letters cite it. */
export interface CountedRecord {
  readonly eventId: string;
  readonly rule: string;
  /** The rule's official wording in the catalogue (评价内容). */
  readonly wording: string;
  readonly occurredOn: LegalDate;
  /** The department that produced the record (信息产生部门). */
  readonly department: string;
  /** The jurisdiction (league or region) that established it (Art 18(3) 确定辖区内环保信用失信信息). */
  readonly league: string;
}

/** What a letter is written from. */
export interface DishonestLetterFacts {
  readonly year: number;
  readonly residentId: string;
  readonly name: string;
  /** The employer that filed the practitioner, through which the letter reaches it (Art 18(1)). */
  readonly employerName: string | null;
  /** The sending bureau's name (e.g. 鄂尔多斯市生态环境局). */
  readonly bureau: string;
  /** The sending bureau's code: its own records are marked as such. */
  readonly league: string;
  /** Every record counted in the finding (Art 18(3): 累计评价). */
  readonly records: readonly CountedRecord[];
  /** The measures that follow (Art 33), as the evaluation catalogues them (measuresForPractitioner). */
  readonly measures: readonly Measure[];
  readonly issuedOn: LegalDate;
}

/** `dishonestLetter-<year>-<league>`: one letter per practitioner, year and sending bureau. */
export const dishonestLetterId = (year: number, league: string): string => `dishonestLetter-${year}-${league}`;

/**
 * 环保失信个人函告 (Art 18(6) "涉及失信人员由认定失信的生态环境局进行函告"): the bureau writes to the
 * individual (through the employer that filed it, Art 18(1)) that the region found it 环保失信个人
 * (Art 13) on the records counted over every league (Art 18(3)), listing each record with its date,
 * department and the catalogue's wording, marking those this bureau established; the measures that
 * follow (Art 33; Art 32 excludes the units that did not file from incentives, not individuals); and
 * the way to repair (Art 25-26). The resident identity number is masked (Art 18(6): not public).
 */
export const dishonestLetter = (f: DishonestLetterFacts): { title: string; body: string } => {
  const records = f.records.map(
    (r, n) =>
      `${n + 1}. ${noticeDate(r.occurredOn)}，${r.department}：${r.wording}（记录编号 ${r.eventId}${r.league === f.league ? '，本局认定' : ''}）。`,
  );
  const measures = f.measures.map((m, n) => `${n + 1}. ${m.text}（${m.articleName}，${m.duration}）。`);
  return {
    title: `关于${f.name}被评定为${DISHONEST_INDIVIDUAL_NAME}的函`,
    body: [
      `${f.name}（公民身份号码：${maskResidentId(f.residentId)}${f.employerName ? `，工作单位：${f.employerName}` : ''}）：`,
      `根据${REGULATION_TITLE}第十三条、第十八条第三项和第六项的规定，经各盟市生态环境局确定辖区内环保信用失信信息、自治区生态环境厅汇总累计评价，你在${f.year}年度被评定为${DISHONEST_INDIVIDUAL_NAME}。现予函告。`,
      ['一、计入评定的环保信用失信记录', ...records].join('\n'),
      ['二、惩戒措施（第三十三条）', ...measures].join('\n'),
      '三、信用修复\n依照第二十五条、第二十六条的规定，已签署相关从业人员环保信用承诺书（附件5）的，评定后一年内未出现环保信用失信记录，并在保护和改善环境方面有突出表现的，可向盟市生态环境局提交信用修复申请及相关资料或证据；盟市生态环境局在20个工作日内核实，并征求自治区生态环境厅意见后决定是否同意修复。',
      `${f.bureau}\n${noticeDate(f.issuedOn)}`,
    ].join('\n\n'),
  };
};
