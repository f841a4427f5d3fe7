import type { SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import { validate } from '../../domain/validation.ts';
import { confirmationNoticesMessageSchema } from '../notices/confirmationNoticesMessage.ts';
import type { IssueConfirmationNotices } from '../notices/issueConfirmationNotices.ts';
import { publishMessageSchema, rescoreMessageSchema } from '../ports/messages.ts';
import type { PublishResults } from '../publication/publishResults.ts';
import { ConfigurationError, EcocreditError, PoisonMessageError } from '../shared/errors.ts';
import { createMetrics, METRIC, METRIC_SERVICE, publishCounts } from '../shared/metrics.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { RescoreSubjects } from './rescoreSubjects.ts';

const messageSchema = z.discriminatedUnion('type', [
  rescoreMessageSchema,
  publishMessageSchema,
  confirmationNoticesMessageSchema,
]);

/** Some subjects of a rescore message could not be rescored: the message fails alone and is retried. */
export class SubjectsNotRescoredError extends EcocreditError {
  override readonly name = 'SubjectsNotRescoredError';
}

const describeError = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, message: error.message, ...(error.cause !== undefined ? { cause: String(error.cause) } : {}) }
    : { message: String(error) };

export interface RescoreMessageDeps {
  readonly useCase: RescoreSubjects;
  readonly logger: Logger;
  readonly onSummary?: ((s: Awaited<ReturnType<RescoreSubjects['execute']>>) => void) | undefined;
  readonly publication?: PublishResults | undefined;
  readonly confirmationNotices?: Pick<IssueConfirmationNotices, 'execute'> | undefined;
}

/**
 * One message of the `rescore` queue: a publication of a year's results, a league's confirmation
 * notices (Art 17(3)), or a batch of subjects to rescore. A subject that cannot be rescored is logged with its error and fails only this message
 * (the other subjects are rescored all the same, and the retry finds them unchanged).
 */
export const rescoreMessageHandler = ({
  useCase,
  logger,
  onSummary,
  publication,
  confirmationNotices,
}: RescoreMessageDeps) => {
  const metrics = createMetrics(METRIC_SERVICE.rescoreWorker);
  return async (record: SQSRecord): Promise<void> => {
    const parsed = validate(messageSchema, JSON.parse(record.body));
    if (!parsed.ok) throw new PoisonMessageError(`message ${record.messageId} is not a rescore or publication message`);
    if (parsed.value.type === 'confirmationNotices') {
      const { year, kind, league } = parsed.value;
      if (!isLeagueCode(league)) throw new PoisonMessageError(`message ${record.messageId} names no league`);
      if (!confirmationNotices) throw new ConfigurationError('confirmation notices need their use case');
      const count = await confirmationNotices.execute({ ...parsed.value, league });
      logger.info('confirmation notices', { year, kind, league, ...count });
      return;
    }
    if (parsed.value.type === 'publish') {
      if (!publication) throw new ConfigurationError('publication messages need the publication use case');
      const published = await publication.execute(parsed.value);
      logger.info('published', { kind: parsed.value.kind, year: parsed.value.year, published });
      return;
    }
    const redelivered = Number(record.attributes.ApproximateReceiveCount ?? '1') > 1;
    const summary = await useCase.execute(parsed.value.subjects, { redelivered });
    onSummary?.(summary);
    const { failed: _, ...counts } = summary;
    // The drift count is a metric (docs/observability.md) and a log line.
    logger.info('rescored', { runId: parsed.value.runId, ...counts, failed: summary.failed.length });
    publishCounts(metrics, { [METRIC.snapshotDrift]: summary.drift });
    if (summary.drift > 0)
      logger.warn('snapshot drift repaired', { runId: parsed.value.runId, subjects: summary.driftSubjects });
    if (summary.failed.length > 0) {
      const names = summary.failed.map((f) => `${f.subject.kind}:${f.subject.id}`);
      for (const f of summary.failed)
        logger.error('subject not rescored', {
          runId: parsed.value.runId,
          messageId: record.messageId,
          subject: `${f.subject.kind}:${f.subject.id}`,
          error: describeError(f.error),
        });
      throw new SubjectsNotRescoredError(`message ${record.messageId}: not rescored: ${names.join(', ')}`, {
        cause: summary.failed[0]!.error,
      });
    }
  };
};
