import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { messageGroupId, messageSubject, type RecordMessage } from '../ports/messages.ts';
import type { OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { ApplySubjectMessages, GroupOutcome } from './applySubjectMessages.ts';
import { createMessageSettler, parseMessages } from './processMessage.ts';

export { outboxKeyOf, SET_ASIDE_AFTER_RECEIVES } from './processMessage.ts';
export { PoisonMessageError };

type Parsed = { readonly record: SQSRecord; readonly message: RecordMessage };

/**
 * Time kept back at the end of an invocation (the worker's timeout is 50 s, infra/definitions.ts):
 * when a group is applied one message at a time, the messages not tried by then are reported failed
 * and come back, rather than be cut off by the timeout with nothing reported or recorded.
 */
export const TIME_MARGIN_MS = 10_000;
const NOT_TRIED = { notTried: true } as const;

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
  return eventHandler(async (event: SQSEvent, context): Promise<SQSBatchResponse> => {
    const remaining =
      typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : null;
    const stopAt = remaining === null ? Number.POSITIVE_INFINITY : Date.now() + remaining - TIME_MARGIN_MS;
    const failed = new Set<string>();
    const groups = new Map<string, Parsed[]>();
    for (const record of event.Records) {
      try {
        for (const member of parseMessages(record)) {
          if ('invalid' in member) {
            // A batch's member that is not a record message fails alone (set aside when it names its entry).
            const poison = { error: new PoisonMessageError(member.invalid) };
            if (await settle(record, { type: 'invalid', key: member.key }, poison)) failed.add(record.messageId);
            continue;
          }
          const key = messageGroupId(member.message);
          groups.set(key, [...(groups.get(key) ?? []), { record, message: member.message }]);
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
            for (const p of group) alone.push(Date.now() < stopAt ? await applyAlone(p) : NOT_TRIED);
            return alone;
          });
        for (const [i, p] of group.entries()) {
          const r = results[i]!;
          if ('notTried' in r) {
            failed.add(p.record.messageId);
            continue;
          }
          const result = 'status' in r && r.status === 'failed' ? { error: r.error } : r;
          if (await settle(p.record, p.message, result)) failed.add(p.record.messageId);
        }
      }),
    );
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  }, logger);
};
