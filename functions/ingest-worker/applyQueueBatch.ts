import type { SQSRecord } from 'aws-lambda';
import { messageGroupId, messageSubject, type RecordMessage } from '../ports/messages.ts';
import type { OutboxStore } from '../ports/store.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { ApplySubjectMessages, GroupOutcome } from './applySubjectMessages.ts';
import { createMessageSettler, parseMessages } from './processMessage.ts';

type Parsed = { readonly record: SQSRecord; readonly message: RecordMessage };
const NOT_TRIED = { notTried: true } as const;

/**
 * Applies one receive of the records queue and returns the ids of the SQS messages to report failed.
 * The messages of one subject (across the batch's SQS messages, a `subject.batch` unpacked) are
 * applied together (one evaluation, one transaction: docs/ingestion.md), subjects side by side.
 * Every message still stands alone (correctness never rests on FIFO group order): a failing message
 * fails only itself — when its group cannot be applied together, the group's messages are applied
 * one by one, until `stopAt` (epoch ms), after which the rest are reported failed untried — and one
 * that can never be applied is set aside and shown in the stuck list for a person to re-drive. A
 * body that is not a record message fails alone; so does a batch's member that is not one.
 */
export const createQueueBatchApplier = (
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
  return async (records: readonly SQSRecord[], stopAt: number): Promise<string[]> => {
    const failed = new Set<string>();
    const groups = new Map<string, Parsed[]>();
    for (const record of records) {
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
    return [...failed];
  };
};
