/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); the 18th is a check character over the first 17 (docs/rules.md §1).
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export const usccCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
};

type UsccProblem = 'shape' | 'check';

/** Returns null when valid, otherwise what is wrong. */
export const usccProblem = (code: string): UsccProblem | null => {
  if (!USCC_SHAPE.test(code)) return 'shape';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
};
