import type { SQSRecord } from 'aws-lambda';
import { DynamoCreditStore } from '../../functions/adapters/dynamoStore.ts';
import { ApplySubjectMessages } from '../../functions/ingest-worker/applySubjectMessages.ts';
import { createIngestWorkerHandler } from '../../functions/ingest-worker/handler.ts';
import { StoreError } from '../../functions/ports/store.ts';
import { AdjustableClock } from '../../functions/shared/clock.ts';
import { createLogger } from '../../functions/shared/logger.ts';
import { record } from './builders.ts';
import { countDynamo } from './dynamoCounter.ts';
import { freshRecordQueue } from './recordQueue.ts';
import { freshTable } from './table.ts';

/** An SQS record of the records queue as Lambda passes it. */
export const recordsQueueRecord = (id: string, body: string): SQSRecord => ({
  messageId: id,
  receiptHandle: id,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '0',
    SenderId: 'test',
    ApproximateFirstReceiveTimestamp: '0',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:cn-north-1:000000000000:records',
  awsRegion: 'cn-north-1',
});

/**
 * The ingest worker on a fresh table of its own (its clock frozen at 2026-11-20T02:00Z), with a call
 * counter on its client; `wrap` may put a fault around the use case.
 */
export const isolatedWorker = async (
  name: string,
  wrap: (useCase: ApplySubjectMessages) => ApplySubjectMessages = (u) => u,
) => {
  const { client, table } = await freshTable(name);
  const queue = await freshRecordQueue(name);
  const store = new DynamoCreditStore(client, table);
  const clock = new AdjustableClock();
  clock.freeze(new Date('2026-11-20T02:00:00Z'));
  const useCase = wrap(new ApplySubjectMessages(store, queue.queue, clock));
  const handler = createIngestWorkerHandler(useCase, createLogger('ingest-worker'), store, () => clock.now());
  const counter = countDynamo(client);
  return {
    store,
    useCase,
    handler,
    counter,
    clock,
    destroy: () => {
      client.destroy();
      queue.destroy();
    },
  };
};

/** `n` records (HW_BASIC) of one enterprise of league 150200, eventIds `<prefix>-0` … */
export const hwBasicRecords = (prefix: string, id: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    record({
      eventId: `${prefix}-${i}`,
      rule: 'HW_BASIC',
      subject: { kind: 'enterprise', id, siteId: null },
      league: '150200',
      department: '150200-EEB',
    }),
  );

/** A fault around the use case: a group of several messages fails as a store refusing it would; one message alone goes through. */
export const failingTogether = (u: ApplySubjectMessages): ApplySubjectMessages =>
  Object.assign(Object.create(u) as ApplySubjectMessages, {
    execute: (
      ref: Parameters<ApplySubjectMessages['execute']>[0],
      messages: Parameters<ApplySubjectMessages['execute']>[1],
    ) => (messages.length > 1 ? Promise.reject(new StoreError('group refused')) : u.execute(ref, messages)),
  });
