import type { SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { validate } from '../../domain/validation.ts';
import type { CreditPlatform, PushBatch } from '../ports/creditPlatform.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import type { Logger } from '../shared/structuredLogger.ts';

const pushSchema = z.object({
  type: z.literal('push'),
  batchId: z.string(),
  kind: z.enum(['enterprise', 'agency']),
  year: z.number(),
  publishedOn: z.string(),
  entries: z.array(
    z.object({
      uscc: z.string(),
      name: z.string(),
      league: z.string(),
      grade: z.enum(['A', 'B', 'C', 'D']),
      score: z.number(),
      blacklisted: z.boolean(),
    }),
  ),
  correction: z.optional(
    z.object({
      version: z.number(),
      reissuedOn: z.string(),
      repairs: z.array(z.object({ eventId: z.string(), repairedOn: z.string() })),
    }),
  ),
});

/**
 * One message of the push queue: a published result, or the correction of a re-issued one (Art 23),
 * handed to the public credit platform under its batch id as idempotency key.
 */
export const pushMessageHandler =
  (platform: CreditPlatform, logger: Logger) =>
  async (record: SQSRecord): Promise<void> => {
    const parsed = validate(pushSchema, JSON.parse(record.body));
    if (!parsed.ok) throw new PoisonMessageError(`message ${record.messageId} is not a push batch`);
    await platform.push(parsed.value as PushBatch);
    logger.info('pushed to the credit platform', {
      batchId: parsed.value.batchId,
      entries: parsed.value.entries.length,
      correction: parsed.value.correction?.version ?? null,
    });
  };
