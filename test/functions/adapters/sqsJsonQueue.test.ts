import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SqsJsonQueue } from '../../../functions/adapters/sqsJsonQueue.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';

/** Sending JSON messages within SQS's limits: ten entries and 256 KiB per batch. */
let client: SQSClient;
let url: string;
beforeAll(async () => {
  client = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  url = (await client.send(new CreateQueueCommand({ QueueName: `json-${randomUUID().slice(0, 8)}` }))).QueueUrl!;
});
afterAll(() => client?.destroy());

describe('SqsJsonQueue', () => {
  it('sends many large messages, splitting batches by size, and every one arrives', async () => {
    const messages = Array.from({ length: 23 }, (_, i) => ({ i, text: '记'.repeat(20_000) })); // ~60 KB each
    // What SQS on AWS enforces (the local server does not): at most 256 KiB per batch request.
    const batchBytes: number[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand')
          batchBytes.push(
            (args.input as { Entries: { MessageBody: string }[] }).Entries.reduce(
              (a, e) => a + Buffer.byteLength(e.MessageBody),
              0,
            ),
          );
        return next(args);
      },
      { step: 'initialize', name: 'measureBatches' },
    );
    await new SqsJsonQueue<{ i: number; text: string }>(client, url).send(messages);
    expect(batchBytes.length).toBeGreaterThan(0);
    expect(Math.max(...batchBytes)).toBeLessThanOrEqual(256 * 1024);
    const seen = new Set<number>();
    for (let round = 0; round < 20 && seen.size < 23; round++) {
      const r = await client.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      for (const m of r.Messages ?? []) seen.add((JSON.parse(m.Body!) as { i: number }).i);
    }
    expect(seen.size).toBe(23);
  });
});
