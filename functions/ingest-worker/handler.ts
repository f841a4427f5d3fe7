import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { messageGroupId, messageSubject, type RecordMessage } from '../ports/messages.ts';
import type { OutboxStore } from '../ports/store.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { ApplySubjectMessages, GroupOutcome } from './applySubjectMessages.ts';
import { createMessageSettler, parseMessages } from './processMessage.ts';

export { PoisonMessageError } from '../shared/errors.ts';
export { outboxKeyOf, SET_ASIDE_AFTER_RECEIVES } from './processMessage.ts';

type Parsed = { readonly record: SQSRecord; readonly message: RecordMessage };

/**
 * `ingest-worker`: a batch consumer of the records queue with partial batch failures. The messages
 * of one subject in a batch are applied together (one evaluation, one transaction: docs/ingestion.md),
 * subjects side by side. Every message still stands alone (correctness never rests on FIFO group
 * order): a failing message fails only itself — when its group cannot be applied together, the
 * group's messages are applied one by one — and one that can never be applied is set aside and
 * shown in the stuck list for a person to re-drive. A body that is not a record message fails alone.
 */
export const createIngestWorkerHandler = (
  useCase: ApplySubjectMessages,
  logger: Logger,
  outbox?: Pick<OutboxStore, 'setAside' | 'recordFailure'>,
  now: () => Date = () => new Date(),
) => {
  const settle = createMessageSettler(logger, outbox, now);
  const applyAlone = async ({ message }: Parsed): Promise<GroupOutcome | { error: unknown }> =>
    useCase.execute(messageSubject(message), [message]).then(
      ([outcome]) => (outcome?.status === 'failed' ? { error: outcome.error } : outcome!),
      (error: unknown) => ({ error }),
    );
  return eventHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failed = new Set<string>();
    const groups = new Map<string, Parsed[]>();
    for (const record of event.Records) {
      try {
        for (const message of parseMessages(record)) {
          const key = messageGroupId(message);
          groups.set(key, [...(groups.get(key) ?? []), { record, message }]);
        }
      } catch (err) {
        logger.error('message is not a record message', { messageId: record.messageId, error: String(err) });
        failed.add(record.messageId);
      }
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const results = await useCase
          .execute(
            messageSubject(group[0]!.message),
            group.map((p) => p.message),
          )
          .catch(async (err: unknown) => {
            logger.warn('group not applied together; one by one', { error: String(err), messages: group.length });
            const alone = [];
            for (const p of group) alone.push(await applyAlone(p));
            return alone;
          });
        for (const [i, p] of group.entries()) {
          const r = results[i]!;
          const result = 'status' in r && r.status === 'failed' ? { error: r.error } : r;
          if (await settle(p.record, p.message, result)) failed.add(p.record.messageId);
        }
      }),
    );
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  }, logger);
};
