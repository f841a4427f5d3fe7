import * as z from 'zod/mini';
import { isLegalDate } from '../dates.ts';

/** A calendar date as the API writes it (YYYY-MM-DD), named `what` in its Chinese messages. */
export const legalDate = (what: string) =>
  z
    .string({ error: `${what}须为 YYYY-MM-DD 格式的日期` })
    .check(z.refine((s) => isLegalDate(s), { error: `${what}不是有效的日历日期（YYYY-MM-DD）` }));
