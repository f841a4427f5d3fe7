import { createHash } from 'node:crypto';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { messageDeduplicationId, messageGroupId, type RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import { sendJsonBatches } from './sqsJsonQueue.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The records queue on SQS FIFO: group = subject, deduplication id per message. Takes its SDK client in the constructor. */
export class SqsRecordQueue implements RecordQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  send(messages: readonly RecordMessage[]): Promise<void> {
    return sendJsonBatches(this.client, this.queueUrl, messages, (m) => ({
      MessageGroupId: messageGroupId(m),
      MessageDeduplicationId: messageDeduplicationId(m, sha256),
    }));
  }
}
