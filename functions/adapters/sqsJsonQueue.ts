import {
  SendMessageBatchCommand,
  type SendMessageBatchCommandOutput,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { QueueError } from '../ports/queue.ts';
import { chunksWithin } from '../shared/chunksWithin.ts';
import { mapLimit } from '../shared/mapLimit.ts';

/** SQS limits: ten entries and 256 KiB per SendMessageBatch. */
const MAX_ENTRIES = 10;
const MAX_BATCH_BYTES = 256 * 1024 - 1024;
/** Batches sent at the same time (a 500-record delivery is 50 batches). */
const SEND_CONCURRENCY = 8;

/** One message to send: its body and its attributes (FIFO group and deduplication ids). */
export interface OutgoingMessage {
  readonly body: string;
  readonly attributes?: Partial<SendMessageBatchRequestEntry>;
}

/** Sends messages in batches (at most ten, and at most 256 KiB each), several batches at a time. */
export const sendMessageBatches = async (
  client: SQSClient,
  queueUrl: string,
  messages: readonly OutgoingMessage[],
): Promise<void> => {
  const batches = chunksWithin(messages, MAX_ENTRIES, MAX_BATCH_BYTES, (m) => Buffer.byteLength(m.body));
  const sendOne = async (chunk: readonly OutgoingMessage[]) => {
    let result: SendMessageBatchCommandOutput;
    try {
      result = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((e, j) => ({ Id: String(j), MessageBody: e.body, ...e.attributes })),
        }),
      );
    } catch (cause) {
      throw new QueueError('SQS SendMessageBatch failed', { cause });
    }
    if ((result.Failed ?? []).length > 0)
      throw new QueueError(
        `SQS refused ${result.Failed!.length} message(s): ${result.Failed!.map((f) => f.Code).join(', ')}`,
      );
  };
  await mapLimit(batches, SEND_CONCURRENCY, sendOne);
};

/** A standard SQS queue of JSON messages (the `rescore` queue). Takes its SDK client in the constructor. */
export class SqsJsonQueue<T> {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  send(messages: readonly T[]): Promise<void> {
    return sendMessageBatches(
      this.client,
      this.queueUrl,
      messages.map((m) => ({ body: JSON.stringify(m) })),
    );
  }
}
