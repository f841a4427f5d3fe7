import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueError } from '../ports/queue.ts';

/** Sends JSON messages in batches of ten; `extra` adds FIFO group and deduplication ids. */
export const sendJsonBatches = async <T>(
  client: SQSClient,
  queueUrl: string,
  messages: readonly T[],
  extra: (m: T) => Partial<SendMessageBatchRequestEntry> = () => ({}),
): Promise<void> => {
  for (let i = 0; i < messages.length; i += 10) {
    const chunk = messages.slice(i, i + 10);
    let result;
    try {
      result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk.map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m), ...extra(m) })) }));
    } catch (cause) {
      throw new QueueError('SQS SendMessageBatch failed', { cause });
    }
    if ((result.Failed ?? []).length > 0) throw new QueueError(`SQS refused ${result.Failed!.length} message(s): ${result.Failed!.map((f) => f.Code).join(', ')}`);
  }
};

/** A standard SQS queue of JSON messages (the `rescore` queue). Takes its SDK client in the constructor. */
export class SqsJsonQueue<T> {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  send(messages: readonly T[]): Promise<void> {
    return sendJsonBatches(this.client, this.queueUrl, messages);
  }
}
