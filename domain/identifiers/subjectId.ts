import type { SubjectKind } from '../catalogue/kinds.ts';
import { residentIdProblem } from './residentId.ts';
import { usccProblem } from './uscc.ts';

/**
 * Why a subject's identifier is refused, in the user's words: a practitioner's citizen identity
 * number (GB 11643), an enterprise's or agency's unified social credit code (GB 32100-2015).
 */
export const subjectIdProblem = (kind: SubjectKind, id: string): string | null => {
  if (kind === 'practitioner') {
    const p = residentIdProblem(id);
    if (p === 'shape') return '公民身份号码须为18位（末位可为X）';
    if (p === 'birthDate') return '公民身份号码中的出生日期无效';
    if (p === 'check') return '公民身份号码校验码错误（GB 11643）';
    return null;
  }
  const p = usccProblem(id);
  if (p === 'shape') return '统一社会信用代码须为18位大写字母或数字（不含I、O、S、V、Z）';
  if (p === 'check') return '统一社会信用代码校验码错误（GB 32100-2015）';
  return null;
};
