import { createHash, randomUUID } from 'node:crypto';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  MAX_MESSAGES_PER_SUBJECT_BATCH,
  MAX_SUBJECT_BATCH_BYTES,
  packRecordMessages,
  SqsRecordQueue,
} from '../../../functions/adapters/sqsRecordQueue.ts';
import {
  messageGroupId,
  queuedMembersOf,
  type RecordMessage,
  recordMessageSchema,
} from '../../../functions/ports/messages.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { uscc } from '../../support/builders.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const AT = '2026-11-20T01:00:00Z';
const created = (eventId: string, id: string, note = ''): RecordMessage => ({
  type: 'record.created',
  record: {
    eventId,
    subject: { kind: 'enterprise', id, siteId: null },
    rule: 'HW_BASIC',
    occurredOn: '2026-10-01',
    department: '150200-EEB',
    league: '150200',
    ...(note ? { note } : {}),
  } as never,
  contentHash: eventId,
  source: 'test',
  receivedAt: AT,
});
const reevaluate = (id: string, cause: string): RecordMessage => ({
  type: 'subject.reevaluate',
  subject: { kind: 'agency', id },
  cause,
});
const unpack = (body: string) => queuedMembersOf(JSON.parse(body)) as RecordMessage[];

describe('packRecordMessages', () => {
  const A = uscc(601, '150200');
  const B = uscc(602, '150200');

  it('sends a subject’s messages as one SQS message in their order, and a lone message as itself', () => {
    const messages = [created('A-1', A), created('B-1', B), created('A-2', A), created('A-3', A)];
    const packed = packRecordMessages(messages, sha256);
    expect(packed).toHaveLength(2);
    expect(packed[0]).toEqual({
      groupId: `enterprise:${A}`,
      deduplicationId: sha256('batch:A-1,A-2,A-3'),
      body: JSON.stringify({ type: 'subject.batch', messages: [messages[0], messages[2], messages[3]] }),
    });
    expect(packed[1]).toEqual({
      groupId: `enterprise:${B}`,
      deduplicationId: 'B-1',
      body: JSON.stringify(messages[1]),
    });
  });

  it(`holds at most ${MAX_MESSAGES_PER_SUBJECT_BATCH} messages and ${MAX_SUBJECT_BATCH_BYTES / 1024} KiB in one SQS message`, () => {
    const many = Array.from({ length: MAX_MESSAGES_PER_SUBJECT_BATCH * 2 + 1 }, (_, i) => created(`M-${i}`, A));
    expect(packRecordMessages(many, sha256).map((m) => unpack(m.body).length)).toEqual([
      MAX_MESSAGES_PER_SUBJECT_BATCH,
      MAX_MESSAGES_PER_SUBJECT_BATCH,
      1,
    ]);
    const large = Array.from({ length: 8 }, (_, i) => created(`L-${i}`, A, '记'.repeat(10_000))); // ~30 KB each
    const packed = packRecordMessages(large, sha256);
    expect(packed.length).toBeGreaterThan(1);
    for (const m of packed) expect(Buffer.byteLength(m.body)).toBeLessThanOrEqual(MAX_SUBJECT_BATCH_BYTES + 64);
    expect(packed.flatMap((m) => unpack(m.body))).toEqual(large);
  });

  it('loses, adds and reorders nothing: each subject’s messages come back in their order, each SQS message one subject’s', () => {
    const message = fc.oneof(
      fc
        .tuple(fc.constantFrom(A, B, uscc(603, '150200')), fc.nat(50))
        .map(([id, n]) => created(`E-${id.slice(-4)}-${n}`, id)),
      fc.tuple(fc.constantFrom('AG1', 'AG2'), fc.nat(5)).map(([id, n]) => reevaluate(id, `c${n}`)),
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 60 }), (messages) => {
        const packed = packRecordMessages(messages, sha256);
        const bySubject = (ms: readonly RecordMessage[]) => {
          const out = new Map<string, RecordMessage[]>();
          for (const m of ms) out.set(messageGroupId(m), [...(out.get(messageGroupId(m)) ?? []), m]);
          return out;
        };
        const unpacked = packed.flatMap((m) => {
          const ms = unpack(m.body);
          for (const member of ms) expect(recordMessageSchema.safeParse(member).success).toBe(true);
          expect(new Set(ms.map(messageGroupId))).toEqual(new Set([m.groupId]));
          return ms;
        });
        expect(bySubject(unpacked)).toEqual(bySubject(messages));
      }),
    );
  });
});

describe('SqsRecordQueue', () => {
  let client: SQSClient;
  let url: string;
  beforeAll(async () => {
    client = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    url = (
      await client.send(
        new CreateQueueCommand({
          QueueName: `records-${randomUUID().slice(0, 8)}.fifo`,
          Attributes: { FifoQueue: 'true' },
        }),
      )
    ).QueueUrl!;
  });
  afterAll(() => client?.destroy());

  it('puts a delivery’s messages of one subject in one SQS message of its group', async () => {
    const A = uscc(611, '150200');
    const B = uscc(612, '150200');
    const messages = [created('Q-A-1', A), created('Q-B-1', B), created('Q-A-2', A)];
    await new SqsRecordQueue(client, url).send(messages);
    const r = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        AttributeNames: ['All'],
      }),
    );
    const received = (r.Messages ?? []).map((m) => ({
      group: m.Attributes?.MessageGroupId,
      deduplication: m.Attributes?.MessageDeduplicationId,
      messages: unpack(m.Body!),
    }));
    expect(received).toHaveLength(2);
    expect(received).toContainEqual({
      group: `enterprise:${A}`,
      deduplication: sha256('batch:Q-A-1,Q-A-2'),
      messages: [messages[0], messages[2]],
    });
    expect(received).toContainEqual({ group: `enterprise:${B}`, deduplication: 'Q-B-1', messages: [messages[1]] });
  });
});
