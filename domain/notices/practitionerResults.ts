import type { LegalDate } from '../dates.ts';
import { DISHONEST_INDIVIDUAL_NAME } from '../evaluation/practitioner.ts';
import { maskResidentId } from '../participants/practitionerFiling.ts';
import { noticeDate, REGULATION_TITLE } from './format.ts';

/** One practitioner as the region's notice to a league lists it. */
export interface PractitionerResultLine {
  readonly residentId: string;
  readonly name: string;
  /** Art 13: 环保失信个人; null when not evaluated this year (suspended, I15). */
  readonly dishonest: boolean | null;
  /** How many records were counted (Art 13, 18(3)). */
  readonly records: number;
}

export interface PractitionerResultsFacts {
  readonly year: number;
  /** The league bureau addressed (e.g. 鄂尔多斯市生态环境局). */
  readonly bureau: string;
  readonly practitioners: readonly PractitionerResultLine[];
  readonly issuedOn: LegalDate;
}

/** `practitionerResults-<year>`: one notice per league bureau and year. */
export const practitionerResultsNoticeId = (year: number): string => `practitionerResults-${year}`;

/**
 * Practitioners have no account and a league bureau no participant's address: the region's notice
 * to a bureau is kept under the bureau's own address, which no resident identity number can be.
 */
export const bureauAddressee = (league: string): { readonly kind: 'practitioner'; readonly id: string } => ({
  kind: 'practitioner',
  id: `BUREAU-${league}`,
});

/** Whether a notice's addressee is a league bureau (`bureauAddressee`), not a participant. */
export const isBureauAddressee = (to: { readonly kind: string; readonly id: string }): boolean =>
  to.kind === 'practitioner' && to.id.startsWith('BUREAU-');

const verdictText = (l: PractitionerResultLine): string =>
  l.dishonest === null
    ? '暂不评定（不在本年度评价范围内）'
    : l.dishonest
      ? DISHONEST_INDIVIDUAL_NAME
      : `未评定为${DISHONEST_INDIVIDUAL_NAME}`;

/**
 * 从业人员评定结果通知 (Art 18(6) "由自治区生态环境厅于每年5月30日前将评定结果通知相关生态环境局"):
 * the region tells a league bureau the final results (Art 18(5)) of the practitioners on its list —
 * masked number, name, the finding and how many records were counted — and that the bureaus that
 * established the records of a dishonest individual send the letter (函告). Never published (Art 18(6)).
 */
export const practitionerResultsNotice = (f: PractitionerResultsFacts): { title: string; body: string } => {
  const lines =
    f.practitioners.length === 0
      ? ['本盟市本年度无参评相关从业人员。']
      : f.practitioners.map(
          (p, n) =>
            `${n + 1}. ${p.name}（公民身份号码：${maskResidentId(p.residentId)}）：${verdictText(p)}，计入失信记录${p.records}条。`,
        );
  const dishonest = f.practitioners.filter((p) => p.dishonest === true).length;
  return {
    title: `关于${f.year}年度相关从业人员环保信用评定结果的通知`,
    body: [
      `${f.bureau}：`,
      `根据${REGULATION_TITLE}第十八条第五项和第六项的规定，现将你局参评名单内相关从业人员${f.year}年度环保信用评定结果通知如下（评定结果不公布、不公示）：`,
      lines.join('\n'),
      `其中评定为${DISHONEST_INDIVIDUAL_NAME}的${dishonest}人，由认定失信的生态环境局进行函告。`,
      `内蒙古自治区生态环境厅\n${noticeDate(f.issuedOn)}`,
    ].join('\n\n'),
  };
};
