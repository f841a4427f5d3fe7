import * as z from 'zod/mini';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { described } from '../shared/http.ts';

/**
 * The path parameters of the routes under a cycle (docs/api.md §6, §13), apart from the cycles' own
 * request bodies (`contracts.ts`) so that a function serving other routes under a cycle carries none.
 */

const KIND_MESSAGE = '评价周期类型须为 enterprise、agency 或 practitioner';
const YEAR_PATH_MESSAGE = '年度须为四位数字';

export const cycleKind = described(z.enum(SUBJECT_KINDS, { error: KIND_MESSAGE }), {
  description: '评价周期类型（主体类型）',
  example: 'agency',
});

export const yearPath = described(z.string().check(z.regex(/^\d{4}$/, { error: YEAR_PATH_MESSAGE })), {
  description: '评价年度（四位数字）',
  example: '2025',
});

/** `{year}` and `{kind}` of `/v1/cycles/{year}/{kind}…`. */
export const cyclePath = z.object({ year: yearPath, kind: cycleKind });
