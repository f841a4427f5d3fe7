import { MAX_REASON_LENGTH } from '../../domain/records/bounds.ts';
import { type Invalid, invalid, type Outcome, ok } from '../shared/errors.ts';

/**
 * A reason a bureau gives for a change of a list or a decision (a decline, a change after
 * `listConfirmed`): trimmed, at most MAX_REASON_LENGTH characters, and required when `whenMissing`
 * says why (the refusal names the form's `field`).
 */
export const checkedReason = (why: string, field: string, whenMissing: string | null): Outcome<string, Invalid> => {
  const reason = why.trim();
  if (reason === '' && whenMissing !== null) return invalid([{ path: field, message: whenMissing }]);
  if (reason.length > MAX_REASON_LENGTH)
    return invalid([{ path: field, message: `不能超过${MAX_REASON_LENGTH}个字符` }]);
  return ok(reason);
};
