import { createHash } from 'node:crypto';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { messageDeduplicationId, messageGroupId, type RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import { chunksWithin } from '../shared/chunksWithin.ts';
import { sendMessageBatches } from './sqsJsonQueue.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** One SQS message of the records queue: its body, FIFO group and deduplication id. */
export interface QueuedMessage {
  readonly body: string;
  readonly groupId: string;
  readonly deduplicationId: string;
}

/** At most this many record messages, and this many bytes, in one `subject.batch`. */
export const MAX_MESSAGES_PER_SUBJECT_BATCH = 20;
export const MAX_SUBJECT_BATCH_BYTES = 128 * 1024;

type Member = { readonly message: RecordMessage; readonly body: string };

/**
 * Packs messages for the records queue (`subjectBatchSchema`): each subject's messages, in their
 * order, into as few `subject.batch` messages as the bounds allow; a subject's lone message goes as
 * itself, with its own deduplication id. A batch's deduplication id is the hash of its members' ids,
 * so the same batch sent again is the same SQS message; a message sent again in another batch or
 * alone (the sweeper sends what is still pending, packed the same way) is a duplicate that the
 * worker ignores (every message is idempotent).
 */
export const packRecordMessages = (
  messages: readonly RecordMessage[],
  hash: (s: string) => string = sha256,
): QueuedMessage[] => {
  const bySubject = new Map<string, Member[]>();
  for (const message of messages) {
    const groupId = messageGroupId(message);
    const members = bySubject.get(groupId) ?? [];
    members.push({ message, body: JSON.stringify(message) });
    bySubject.set(groupId, members);
  }
  const out: QueuedMessage[] = [];
  for (const [groupId, members] of bySubject)
    for (const batch of chunksWithin(
      members,
      MAX_MESSAGES_PER_SUBJECT_BATCH,
      MAX_SUBJECT_BATCH_BYTES,
      (m) => Buffer.byteLength(m.body) + 1,
    ))
      out.push(
        batch.length === 1
          ? { body: batch[0]!.body, groupId, deduplicationId: messageDeduplicationId(batch[0]!.message, hash) }
          : {
              body: `{"type":"subject.batch","messages":[${batch.map((m) => m.body).join(',')}]}`,
              groupId,
              deduplicationId: hash(`batch:${batch.map((m) => messageDeduplicationId(m.message, hash)).join(',')}`),
            },
      );
  return out;
};

/** The records queue on SQS FIFO: group = subject, one subject's messages packed together. Takes its SDK client in the constructor. */
export class SqsRecordQueue implements RecordQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  send(messages: readonly RecordMessage[]): Promise<void> {
    return sendMessageBatches(
      this.client,
      this.queueUrl,
      packRecordMessages(messages).map((m) => ({
        body: m.body,
        attributes: { MessageGroupId: m.groupId, MessageDeduplicationId: m.deduplicationId },
      })),
    );
  }
}
