import { createHash } from 'node:crypto';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { messageDeduplicationId, messageGroupId, type RecordMessage } from '../ingest-worker/messages.ts';
import { QueueError, type RecordQueue } from '../ports/queue.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The records queue on SQS FIFO. Takes its SDK client in the constructor. */
export class SqsRecordQueue implements RecordQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly RecordMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      let result;
      try {
        result = await this.client.send(
          new SendMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: chunk.map((m, j) => ({
              Id: String(j),
              MessageBody: JSON.stringify(m),
              MessageGroupId: messageGroupId(m),
              MessageDeduplicationId: messageDeduplicationId(m, sha256),
            })),
          }),
        );
      } catch (cause) {
        throw new QueueError('SQS SendMessageBatch failed', { cause });
      }
      if ((result.Failed ?? []).length > 0) throw new QueueError(`SQS refused ${result.Failed!.length} message(s): ${result.Failed!.map((f) => f.Code).join(', ')}`);
    }
  }
}
