import { subjectIdProblem } from '../identifiers/subjectId.ts';
import { MAX_NAME_LENGTH } from '../records/bounds.ts';
import type { InputIssue } from '../validation.ts';

/**
 * Art 18(1): "购买服务方填报相关从业人员的基本信息" — the service buyer (an enterprise or agency)
 * files the practitioners who work for it; the league bureau then decides who is on its list of
 * practitioners ("各盟市生态环境主管部门汇总后确定参评从业人员").
 */
export type FilingStatus = 'pending' | 'listed' | 'declined';

export const FILING_STATUS_NAMES: Record<FilingStatus, string> = {
  pending: '待确认',
  listed: '已列入名单',
  declined: '未列入',
};

/** The filing form's fields as the form labels them (messages name the field). */
export const FILING_FIELDS = {
  name: '姓名',
  residentId: '公民身份号码',
  position: '岗位或职务',
} as const;

/** The longest position kept (e.g. "环评报告编制主持人"). */
export const MAX_POSITION_LENGTH = 50;

/** What the employer files about one practitioner. */
export interface PractitionerBasics {
  readonly name: string;
  /** GB 11643 resident identity number, upper-case X. */
  readonly residentId: string;
  readonly position: string;
}

const textProblem = (value: string, max: number): string | null =>
  value === ''
    ? '不能为空'
    : value.length > max
      ? `不能超过${max}个字符`
      : /[\p{Cc}]/u.test(value)
        ? '不能含控制字符'
        : null;

/**
 * The filed basics, trimmed, or every problem at once, each naming its field: the name and position
 * are required, the resident identity number must pass its GB 11643 check (a wrong number would
 * evaluate somebody else, Art 18(1)).
 */
export const checkPractitionerBasics = (
  input: Readonly<Record<string, string | undefined>>,
):
  | { readonly ok: true; readonly value: PractitionerBasics }
  | { readonly ok: false; readonly issues: InputIssue[] } => {
  const name = (input.name ?? '').trim();
  const residentId = (input.residentId ?? '').trim().toUpperCase();
  const position = (input.position ?? '').trim();
  const issues: InputIssue[] = [];
  const nameProblem = textProblem(name, MAX_NAME_LENGTH);
  if (nameProblem) issues.push({ path: FILING_FIELDS.name, message: nameProblem });
  const idProblem = residentId === '' ? '不能为空' : subjectIdProblem('practitioner', residentId);
  if (idProblem) issues.push({ path: FILING_FIELDS.residentId, message: idProblem });
  const positionProblem = textProblem(position, MAX_POSITION_LENGTH);
  if (positionProblem) issues.push({ path: FILING_FIELDS.position, message: positionProblem });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { name, residentId, position } };
};

/**
 * `150602********123X`: a resident identity number as shown to anyone but the practitioner's employer
 * and its league bureau (Art 18(6): practitioners' evaluation is not made public; the birth date in
 * the number is personal information). The address code and the last four characters are kept so a
 * bureau can still tell two people apart. A value that is not 18 characters long is masked whole.
 */
export const maskResidentId = (id: string): string =>
  id.length === 18 ? `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}` : '*'.repeat(id.length);
