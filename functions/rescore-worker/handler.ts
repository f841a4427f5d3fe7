import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { validate } from '../../domain/validation.ts';
import type { PublishResults } from '../publication/publishResults.ts';
import type { RescoreSubjects } from './rescoreSubjects.ts';
import { ConfigurationError, PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';

export const rescoreMessageSchema = z.object({
  type: z.literal('rescore'),
  runId: z.string(),
  subjects: z.array(z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() })),
});
export type RescoreMessage = z.infer<typeof rescoreMessageSchema>;

const publishMessageSchema = z.object({
  type: z.literal('publish'),
  kind: z.enum(['enterprise', 'agency']),
  year: z.number(),
  publishedOn: z.string(),
  subjects: z.array(z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() })),
});
const messageSchema = z.discriminatedUnion('type', [rescoreMessageSchema, publishMessageSchema]);

/**
 * `rescore-worker`: batches of subjects from the `rescore` queue — nightly rescoring, and the
 * publication of a year's results — with partial batch failures and a DLQ.
 */
export const createRescoreWorkerHandler = (
  useCase: RescoreSubjects,
  logger: Logger,
  onSummary?: (s: Awaited<ReturnType<RescoreSubjects['execute']>>) => void,
  publication?: PublishResults,
) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const parsed = validate(messageSchema, JSON.parse(record.body));
    if (!parsed.ok) throw new PoisonMessageError(`message ${record.messageId} is not a rescore or publication message`);
    if (parsed.value.type === 'publish') {
      if (!publication) throw new ConfigurationError('publication messages need the publication use case');
      const published = await publication.execute(parsed.value);
      logger.info('published', { kind: parsed.value.kind, year: parsed.value.year, published });
      return;
    }
    const summary = await useCase.execute(parsed.value.subjects);
    onSummary?.(summary);
    // The drift count is a metric (EMF) and a log line.
    logger.info('rescored', { runId: parsed.value.runId, ...summary, _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: 'ecocredit', Dimensions: [[]], Metrics: [{ Name: 'SnapshotDrift', Unit: 'Count' }] }] }, SnapshotDrift: summary.drift });
    if (summary.drift > 0) logger.warn('snapshot drift repaired', { runId: parsed.value.runId, subjects: summary.driftSubjects });
  };
  return eventHandler(
    async (event: SQSEvent): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), { throwOnFullBatchFailure: false }),
  );
};
