import * as z from 'zod/mini';
import { MAX_REASON_LENGTH } from '../../domain/records/bounds.ts';
import { eventIdSchema, legalDate } from '../../domain/records/creditRecord.ts';

/**
 * The request contract of the webhook (docs/api.md §2): one record, a batch of records, or a
 * record's rectification or revocation. `verifyDelivery` parses every delivery with `webhookBody`,
 * and `functions/openapi` describes the route from the same envelope. Messages are Chinese, each
 * naming its field.
 */

export const MAX_BATCH = 500;
/** Bounds at the edge, so nothing accepted fails later for its size (docs/ingestion.md). */
export const MAX_REASON_CHARS = MAX_REASON_LENGTH;

/**
 * The envelope around records of the schema `record`. The handler takes each record as `unknown`
 * and parses it on its own (`parseCreditRecord`), so that a batch names every bad field of every
 * record (`records[3].league`); the OpenAPI document shows the credit record's schema there.
 */
export const webhookBodyOf = <R extends z.ZodMiniType>(record: R) =>
  z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('record.created'), record }),
      z.object({ type: z.literal('record.rectified'), eventId: eventIdSchema, on: legalDate('整改完成日期') }),
      z.object({
        type: z.literal('record.revoked'),
        eventId: eventIdSchema,
        on: legalDate('撤销日期'),
        reason: z.optional(
          z.nullable(
            z
              .string({ error: '撤销理由须为字符串' })
              .check(z.maxLength(MAX_REASON_CHARS, { error: `撤销理由不能超过${MAX_REASON_CHARS}个字符` })),
          ),
        ),
      }),
      z.object({
        type: z.literal('records.batch'),
        records: z
          .array(record, { error: 'records 须为数组' })
          .check(
            z.minLength(1, { error: '批量报送至少包含一条记录' }),
            z.maxLength(MAX_BATCH, { error: `批量报送最多${MAX_BATCH}条记录` }),
          ),
      }),
    ],
    { error: 'type 须为 record.created、record.rectified、record.revoked 或 records.batch' },
  );

/** What the handler parses a delivery's body with (each record is then parsed on its own). */
export const webhookBody = webhookBodyOf(z.unknown());
export type WebhookBody = z.infer<typeof webhookBody>;
