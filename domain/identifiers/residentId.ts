import { isLegalDate } from '../dates.ts';

/**
 * Resident identity card number (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth
 * date, 3-digit sequence, check character (0-9 or X) by ISO 7064 MOD 11-2 (docs/rules.md §1).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export const residentIdCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
};

type ResidentIdProblem = 'shape' | 'birthDate' | 'check';

export const residentIdProblem = (id: string): ResidentIdProblem | null => {
  if (!SHAPE.test(id)) return 'shape';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isLegalDate(birth)) return 'birthDate';
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17] ? null : 'check';
};
