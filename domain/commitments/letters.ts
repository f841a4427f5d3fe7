import * as z from 'zod/mini';
import type { SubjectKind } from '../catalogue/kinds.ts';
import { legalDateOfInstant, yearOf } from '../dates.ts';
import { text } from '../records/creditRecord.ts';
import { type InputIssue, validate } from '../validation.ts';

/**
 * The credit commitment letters (环保信用承诺书) as the regulation words them: Annex 4 for the
 * legal representative (or principal person) of an enterprise or agency (Art 16(1), 17(1):
 * "参评单位应上报法定代表人(或主要负责人)环保信用承诺书"), Annex 5 for a practitioner (Art 25).
 * The body is the annex's text, word for word; only the blanks of the signature block are filled.
 */
export interface LetterTemplate {
  readonly annex: 4 | 5;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/** Annex 4: enterprises and agencies (参评单位). */
export const ANNEX_4: LetterTemplate = {
  annex: 4,
  title: '企事业单位法定代表人（或主要负责人） 环保信用承诺书',
  paragraphs: [
    '为践行绿色发展理念，落实环境保护主体责任，努力营造诚实守信的社会环境，本人承诺：',
    '一、严格遵守国家和自治区有关环境保护法律、法规、规章、环境标准和政策规定，依法从事生产经营活动，自觉承担法律责任。',
    '二、依法申请办理环境保护行政许可，保证向生态环境行政主管部门提供的资料合法、真实、准确。',
    '三、建立环境保护责任制度，减少污染物排放，按规定落实排污许可证各项管理要求，编制突发环境事件应急预案，依法公开排污信息。',
    '四、自觉接受政府、行业组织、社会公众、新闻舆论的监督，积极履行各项环境保护法律义务和社会责任。',
    '特此承诺，同意本承诺书向社会公开。',
  ],
};

/** Annex 5: practitioners (相关从业人员). */
export const ANNEX_5: LetterTemplate = {
  annex: 5,
  title: '相关从业人员环保信用承诺书',
  paragraphs: [
    '为践行绿色发展理念，落实环境保护主体责任，努力营造诚实守信的社会环境，本人承诺：',
    '一、严格遵守国家和自治区有关环境保护法律、法规、规章、环境标准和政策规定，依法从事生态环境保护相关工作，自觉承担法律责任。',
    '二、依法使用环评从业资质，保证向生态环境行政主管部门提供的资料合法、真实、准确。',
    '三、尽职尽责保证出具的生态环境保护相关文件真实准确、不弄虚作假。',
    '四、从业过程中严格保守知悉的技术秘密、商业秘密以及其他不宜公开的信息。',
    '五、自觉接受政府、行业组织、社会公众、新闻舆论的监督，积极履行各项环境保护法律义务和社会责任。',
    '其它承诺事项：',
    '特此承诺，同意本承诺书向社会公开。',
  ],
};

/** The annex a subject signs: Annex 5 for a practitioner, Annex 4 for a unit (enterprise or agency). */
export const letterTemplateOf = (kind: SubjectKind): LetterTemplate => (kind === 'practitioner' ? ANNEX_5 : ANNEX_4);

/** Who the letter is made out to: the participant's registered name and its code. */
export interface LetterParty {
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
}

/**
 * The letter made out to a participant, line by line: the annex's title and paragraphs, then its
 * signature block with the blanks filled in. Annex 4's block names the unit's code and the unit
 * ("承诺单位统一社会信用代码：", "承诺单位："); Annex 5's the person ("承诺人：") and, since the
 * annex has no line for it, the identity card number the person is evaluated under (Art 18(1)).
 * The signer, the seal and the date are not part of the text: they are the signature, kept beside it.
 */
export const filledLetterLines = (party: LetterParty): readonly string[] => {
  const t = letterTemplateOf(party.kind);
  const block =
    t.annex === 4
      ? [`承诺单位统一社会信用代码：${party.id}`, `承诺单位：${party.name}`]
      : [`承诺人：${party.name}`, `公民身份号码：${party.id}`];
  return [t.title, ...t.paragraphs, ...block];
};

/**
 * The one canonical form of a letter's text, the form that is signed and hashed: Unicode NFC, lines
 * joined by a single LF, no trailing blanks on a line, no blank lines, no final newline. A letter
 * shown, stored or checked later is compared in this form, so a copy re-typed or re-wrapped (CR LF,
 * blank lines between paragraphs) hashes the same.
 */
export const canonicalLetterText = (textOrLines: string | readonly string[]): string => {
  const lines = typeof textOrLines === 'string' ? textOrLines.split(/\r\n|\r|\n/) : textOrLines;
  return lines
    .map((l) => l.normalize('NFC').replace(/[ \t\u3000]+$/u, ''))
    .filter((l) => l.trim().length > 0)
    .join('\n');
};

/** The filled letter's canonical text (what the participant signs). */
export const commitmentLetterText = (party: LetterParty): string => canonicalLetterText(filledLetterLines(party));

/**
 * The evaluation year whose letter is signed on a date: evaluation year Y is evaluated during year
 * Y+1 (Art 19), and the letter is filed with the participants' basic information when the list of
 * participants is notified (Art 16(1), 17(1): by 31 March of Y+1). So a letter signed in 2026 is the
 * letter of evaluation year 2025, shown beside the 2025 result when it is published (Annex 4).
 */
export const commitmentYearOn = (instant: string | Date): number => yearOf(legalDateOfInstant(instant)) - 1;

/** The longest signer name and role kept (a person's name, a title such as "董事长"). */
export const MAX_SIGNER_NAME_LENGTH = 50;
export const MAX_SIGNER_ROLE_LENGTH = 50;

/** The signature form's fields as the form labels them (messages name the field). */
export const SIGNATURE_FIELDS = {
  signerName: '法定代表人或主要负责人姓名',
  signerRole: '职务',
  agreed: '本单位已阅读并承诺遵守上述承诺内容',
} as const;

const signatureSchema = z.object({
  signerName: text(SIGNATURE_FIELDS.signerName, MAX_SIGNER_NAME_LENGTH),
  signerRole: text(SIGNATURE_FIELDS.signerRole, MAX_SIGNER_ROLE_LENGTH),
  agreed: z.literal(true, { error: `须勾选“${SIGNATURE_FIELDS.agreed}”` }),
});

export interface Signature {
  readonly signerName: string;
  readonly signerRole: string;
}

/**
 * The signature as given, or every problem with it (each naming its field): the signer's name and
 * role, and the express agreement to the text (Annex 4 "特此承诺"). Names and roles are trimmed.
 */
export const checkSignature = (
  input: unknown,
): { readonly ok: true; readonly value: Signature } | { readonly ok: false; readonly issues: InputIssue[] } => {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const trimmed = {
    ...raw,
    signerName: typeof raw.signerName === 'string' ? raw.signerName.trim() : raw.signerName,
    signerRole: typeof raw.signerRole === 'string' ? raw.signerRole.trim() : raw.signerRole,
  };
  const parsed = validate(signatureSchema, trimmed);
  if (!parsed.ok)
    return {
      ok: false,
      issues: parsed.issues.map((i) => ({
        path: SIGNATURE_FIELDS[i.path as keyof typeof SIGNATURE_FIELDS] ?? i.path,
        message: i.message,
      })),
    };
  return { ok: true, value: { signerName: parsed.value.signerName, signerRole: parsed.value.signerRole } };
};
