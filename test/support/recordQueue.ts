import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import { SqsRecordQueue } from '../../functions/adapters/sqsRecordQueue.ts';
import { queuedMembersOf, type RecordMessage } from '../../functions/ports/messages.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services.ts';

/** A records queue of its own on the test SQS server, and a way to read what was sent to it. */
export interface FreshRecordQueue {
  readonly queue: SqsRecordQueue;
  /** Every record message waiting on the queue, a subject's batch unpacked (received, not deleted: read each message once). */
  readonly received: () => Promise<RecordMessage[]>;
  readonly destroy: () => void;
}

export const freshRecordQueue = async (name: string): Promise<FreshRecordQueue> => {
  const sqs = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const url = (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: `${name}-${randomUUID().slice(0, 8)}.fifo`,
        Attributes: { FifoQueue: 'true' },
      }),
    )
  ).QueueUrl!;
  const received = async (): Promise<RecordMessage[]> => {
    const all: RecordMessage[] = [];
    for (;;) {
      const r = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (!r.Messages?.length) return all;
      all.push(...r.Messages.flatMap((m) => queuedMembersOf(JSON.parse(m.Body!)) as RecordMessage[]));
    }
  };
  return { queue: new SqsRecordQueue(sqs, url), received, destroy: () => sqs.destroy() };
};
