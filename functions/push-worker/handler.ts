import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { validate } from '../../domain/validation.ts';
import type { CreditPlatform, PushBatch } from '../ports/creditPlatform.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';

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
 * `push-worker`: published results, and corrections of re-issued ones (Art 23), to the public credit
 * platform; failures are retried, then kept in the DLQ. Idempotent through the batch id, which the
 * platform receives as idempotency key: a re-delivered message is the same request again.
 */
export const createPushWorkerHandler = (platform: CreditPlatform, logger: Logger) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const parsed = validate(pushSchema, JSON.parse(record.body));
    if (!parsed.ok) throw new PoisonMessageError(`message ${record.messageId} is not a push batch`);
    await platform.push(parsed.value as PushBatch);
    logger.info('pushed to the credit platform', {
      batchId: parsed.value.batchId,
      entries: parsed.value.entries.length,
      correction: parsed.value.correction?.version ?? null,
    });
  };
  return eventHandler(
    async (event: SQSEvent): Promise<SQSBatchResponse> =>
      processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), {
        throwOnFullBatchFailure: false,
      }),
    logger,
  );
};
