import * as z from 'zod/mini';
import { MAX_EVENT_ID_LENGTH } from './bounds.ts';

/** A record's event id (docs/api.md §1): 1 to 128 letters, digits or `. _ : -`. */
export const EVENT_ID_RE = new RegExp(`^[A-Za-z0-9._:-]{1,${MAX_EVENT_ID_LENGTH}}$`);

export const eventIdSchema = z
  .string({ error: '事件编号须为字符串' })
  .check(z.regex(EVENT_ID_RE, { error: '事件编号须为1至128位字母、数字或 . _ : - 字符' }));
