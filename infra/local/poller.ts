import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * Calls an SQS-triggered handler the way Lambda's event source mapping does: receives a batch,
 * passes a real SQS event, deletes what succeeded and leaves the reported failures to come back
 * after the visibility timeout (and, past maxReceiveCount, to the dead-letter queue).
 */
export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export const toSqsRecord = (m: Message, queueArn: string): SQSRecord => ({
  messageId: m.MessageId!,
  receiptHandle: m.ReceiptHandle!,
  body: m.Body ?? '',
  attributes: {
    ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
    SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
    SenderId: m.Attributes?.SenderId ?? 'local',
    ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    ...(m.Attributes?.MessageGroupId ? { MessageGroupId: m.Attributes.MessageGroupId } : {}),
    ...(m.Attributes?.MessageDeduplicationId ? { MessageDeduplicationId: m.Attributes.MessageDeduplicationId } : {}),
    ...(m.Attributes?.SequenceNumber ? { SequenceNumber: m.Attributes.SequenceNumber } : {}),
  },
  messageAttributes: {},
  md5OfBody: m.MD5OfBody ?? '',
  eventSource: 'aws:sqs',
  eventSourceARN: queueArn,
  awsRegion: 'cn-north-1',
});

export class QueuePoller {
  private running = false;
  private loop: Promise<void> | null = null;
  private queueArn = '';
  /** Unexpected handler errors (a crashed invocation); its whole batch comes back. */
  readonly crashes: unknown[] = [];

  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    private readonly handler: SqsHandler,
    private readonly batchSize = 10,
    private readonly waitSeconds = 1,
  ) {}

  async start(): Promise<void> {
    const attrs = await this.client.send(
      new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['QueueArn'] }),
    );
    this.queueArn = attrs.Attributes?.QueueArn ?? '';
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.pollOnce(this.waitSeconds);
        } catch (err) {
          if (this.running) this.crashes.push(err);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    })();
  }

  /** One receive → invoke → delete cycle; returns how many messages it handled. */
  async pollOnce(waitSeconds = 0): Promise<number> {
    const r = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: this.batchSize,
        WaitTimeSeconds: waitSeconds,
        AttributeNames: ['All'],
      }),
    );
    const messages = r.Messages ?? [];
    if (messages.length === 0) return 0;
    // The local server may hand out one message twice in a batch; Lambda never does.
    const unique = [...new Map(messages.map((m) => [m.MessageId, m])).values()];
    const event: SQSEvent = { Records: unique.map((m) => toSqsRecord(m, this.queueArn)) };
    let failed = new Set<string>();
    try {
      const response = await this.handler(event);
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (err) {
      this.crashes.push(err);
      return unique.length; // a crashed invocation: every message comes back
    }
    const done = unique.filter((m) => !failed.has(m.MessageId!));
    for (let i = 0; i < done.length; i += 10) {
      await this.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: done.slice(i, i + 10).map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
    return unique.length;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** Visible + in-flight messages of a queue. */
export const queueDepth = async (client: SQSClient, queueUrl: string): Promise<number> => {
  const r = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(r.Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(r.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};
