import * as z from 'zod/mini';
import {
  MAX_DISPUTED_RECORDS,
  MAX_OBJECTION_FILES,
  MAX_OBJECTION_REASONS_LENGTH,
} from '../../domain/objections/objection.ts';
import { eventIdSchema } from '../../domain/records/eventId.ts';
import { described } from '../shared/http.ts';

/**
 * The request contract of a participant's objection (docs/api.md §13; Art 17(3), 18(4)): the handler
 * parses the body with it; `functions/openapi` describes the route from the same schema. The use case
 * checks again what only it can know (a record of the participant's own year, the window).
 */

/** `POST /v1/cycles/{year}/{kind}/objections`: the participant's objection (Art 17(3), 18(4); Art 16(3)). */
export const fileObjectionRequest = described(
  z.object({
    records: z
      .array(eventIdSchema, { error: 'records 须为事件编号数组' })
      .check(z.maxLength(MAX_DISPUTED_RECORDS, { error: `有异议的信用信息不能超过${MAX_DISPUTED_RECORDS}条` })),
    preGrade: z.optional(z.boolean({ error: 'preGrade 须为 true 或 false' })),
    reasons: z
      .string({ error: '异议理由须为字符串' })
      .check(
        z.maxLength(MAX_OBJECTION_REASONS_LENGTH, { error: `异议理由不能超过${MAX_OBJECTION_REASONS_LENGTH}个字符` }),
      ),
    evidenceFiles: z.optional(
      z
        .array(z.string({ error: '证明材料文件编号须为字符串' }), { error: 'evidenceFiles 须为数组' })
        .check(z.maxLength(MAX_OBJECTION_FILES, { error: `证明材料文件不能超过${MAX_OBJECTION_FILES}个` })),
    ),
  }),
  {
    id: 'FileObjectionRequest',
    description:
      '对确认通知中的信用信息（records）或预评等级整体（preGrade）提出异议，说明理由，可附门户上传的证明材料文件编号',
    example: { records: ['OBJ-NOTIFIED-1'], preGrade: false, reasons: '该通报批评已于2025年撤销，附撤销文件。' },
  },
);
export type FileObjectionRequest = z.infer<typeof fileObjectionRequest>;
