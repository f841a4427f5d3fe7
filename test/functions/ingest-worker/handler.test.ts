import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_MARGIN_MS } from '../../../functions/ingest-worker/handler.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { claimAsWebhook, createdMessage } from '../../support/claims.ts';
import {
  failingTogether,
  hwBasicRecords,
  isolatedWorker,
  recordsQueueRecord as sqs,
} from '../../support/ingestWorker.ts';
import { postWebhook, startFrozenRuntime } from '../../support/runtime.ts';

/** The records consumer: one message that cannot be applied is set aside; its subject's other messages go on. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startFrozenRuntime();
});
afterAll(async () => rt?.stop());

const ENT = uscc(501, '150200');
const ref = { kind: 'enterprise' as const, id: ENT };
const rec = (eventId: string, occurredOn: string) => ({
  eventId,
  subject: { kind: 'enterprise', id: ENT, siteId: `${ENT}001P` },
  rule: 'PMT_SELF_MONITORING',
  occurredOn,
  department: '150200-EEB',
  league: '150200',
});

describe('poison isolation', () => {
  it('1 poison and 9 healthy messages of one subject: 9 applied, 1 set aside with its reason', async () => {
    const records = Array.from({ length: 10 }, (_, i) => rec(`POISON-${i}`, `2026-0${(i % 9) + 1}-1${i % 9}`));
    expect((await postWebhook(rt, { type: 'records.batch', records })).status).toBe(202);
    // The poison: the table already holds POISON-0 with other content, so it can never be applied.
    const { record } = await import('../../support/builders.ts');
    const other = record({
      eventId: 'POISON-0',
      rule: 'HW_BASIC',
      subject: { kind: 'enterprise', id: ENT, siteId: null },
      league: '150200',
      department: '150200-EEB',
    });
    expect(
      await rt.store.commitSubject({
        subject: ref,
        newRecord: { record: other, contentHash: 'other-content', source: 'x', receivedAt: '2026-11-20T02:00:00Z' },
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    await rt.drain(30_000);

    const claims = await rt.store.getClaims(records.map((r) => r.eventId));
    expect(
      [...claims.values()]
        .filter((c) => c.applied)
        .map((c) => c.eventId)
        .sort(),
    ).toEqual(
      records
        .slice(1)
        .map((r) => r.eventId)
        .sort(),
    );
    const stuck = await rt.store.stuckEntries();
    expect(stuck).toEqual([
      expect.objectContaining({
        key: { eventId: 'POISON-0', entry: 'created' },
        league: '150200',
        error: expect.stringContaining('other content'),
      }),
    ]);
    const stored = (await rt.store.loadSubject(ref)).records.map((r) => r.record.eventId);
    expect(stored.filter((id) => id.startsWith('POISON-')).sort()).toEqual(records.map((r) => r.eventId).sort());
  });

  it('a message that is not a record message still goes to the dead-letter queue, alone', async () => {
    const { SendMessageCommand, ReceiveMessageCommand } = await import('@aws-sdk/client-sqs');
    const q = rt.queues.find((x) => x.definition.name === 'records')!;
    await rt.sqs.send(
      new SendMessageCommand({
        QueueUrl: q.url,
        MessageBody: 'not json',
        MessageGroupId: `enterprise:${ENT}`,
        MessageDeduplicationId: 'garbage-1',
      }),
    );
    expect((await postWebhook(rt, { type: 'record.created', record: rec('AFTER-GARBAGE', '2026-10-01') })).status).toBe(
      202,
    );
    await rt.drain(40_000);
    expect((await rt.store.getClaims(['AFTER-GARBAGE'])).get('AFTER-GARBAGE')!.applied).toBe(true);
    const dlq = await rt.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: q.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect((dlq.Messages ?? []).map((m) => m.Body)).toEqual(['not json']);
  });
});

describe('a batch of several subjects', () => {
  it('applies each subject’s messages in one transaction, reports only the unparsable body, sets the conflict aside', async () => {
    const { record } = await import('../../support/builders.ts');
    const { store, handler, counter, destroy } = await isolatedWorker('ingest-handler-groups');
    const subjects = [uscc(511, '150200'), uscc(512, '150200')];
    const records = subjects.flatMap((id, s) =>
      Array.from({ length: 4 }, (_, i) =>
        record({
          eventId: `GROUPS-${s}-${i}`,
          rule: 'HW_BASIC',
          subject: { kind: 'enterprise', id, siteId: null },
          league: '150200',
          department: '150200-EEB',
        }),
      ),
    );
    for (const r of records) await claimAsWebhook(store, r, '2026-11-20T01:00:00Z');
    const message = (r: (typeof records)[number], hash = r.eventId) => createdMessage(r, '2026-11-20T01:00:00Z', hash);
    // Subject 1's first record is already stored with other content: its message is a conflict.
    expect(
      await store.commitSubject({
        subject: { kind: 'enterprise', id: subjects[0]! },
        newRecord: {
          record: records[0]!,
          contentHash: 'other content',
          source: 'x',
          receivedAt: '2026-11-20T01:00:00Z',
        },
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    counter.take();
    const event = {
      Records: [...records.map((r, i) => sqs(`m${i}`, JSON.stringify(message(r)))), sqs('garbage', 'not json')],
    };
    const response = await handler(event, {} as never);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'garbage' }] });
    // One transaction per subject; the conflict set aside on its claim (an Update of its own).
    expect(counter.take().byCommand).toMatchObject({ Query: 2, TransactWrite: 2 });
    const claims = await store.getClaims(records.map((r) => r.eventId));
    expect(records.filter((r) => claims.get(r.eventId)?.applied).map((r) => r.eventId)).toEqual(
      records.slice(1).map((r) => r.eventId),
    );
    expect((await store.stuckEntries()).map((e) => e.key)).toEqual([{ eventId: 'GROUPS-0-0', entry: 'created' }]);
    destroy();
  });
});

describe('a subject’s messages sent together in one SQS message', () => {
  const AT = '2026-11-20T01:00:00Z';
  const recordsOf = hwBasicRecords;
  const batchBody = (messages: readonly unknown[]) => JSON.stringify({ type: 'subject.batch', messages });

  it('are applied with one read and one transaction, beside a lone message of another subject', async () => {
    const { store, handler, counter, destroy } = await isolatedWorker('ingest-handler-subject-batch');
    const together = await recordsOf('TOGETHER', uscc(521, '150200'), 5);
    const [alone] = await recordsOf('ALONE', uscc(522, '150200'), 1);
    for (const r of [...together, alone!]) await claimAsWebhook(store, r, AT);
    counter.take();
    const response = await handler(
      {
        Records: [
          sqs('batch', batchBody(together.map((r) => createdMessage(r, AT)))),
          sqs('alone', JSON.stringify(createdMessage(alone!, AT))),
        ],
      },
      {} as never,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(counter.take().byCommand).toMatchObject({ Query: 2, TransactWrite: 2 });
    const claims = await store.getClaims([...together, alone!].map((r) => r.eventId));
    expect([...claims.values()].every((c) => c.applied)).toBe(true);
    const stored = await store.loadSubject({ kind: 'enterprise', id: uscc(521, '150200') });
    expect(stored.records.map((r) => r.record.eventId).sort()).toEqual(together.map((r) => r.eventId).sort());
    destroy();
  });

  it('one of whose messages fails: the SQS message is reported failed once, the others stay applied', async () => {
    const { store, handler, destroy } = await isolatedWorker('ingest-handler-subject-batch-failing');
    const id = uscc(523, '150200');
    const created = await recordsOf('PARTLY', id, 2);
    for (const r of created) await claimAsWebhook(store, r, AT);
    // Two rectifications of records stored nowhere yet: each fails, to be retried with the message.
    const early = ['NOWHERE-1', 'NOWHERE-2'].map((eventId) => ({
      type: 'record.rectified',
      eventId,
      subject: { kind: 'enterprise', id },
      on: '2026-11-01',
      source: 'test',
      receivedAt: AT,
    }));
    const response = await handler(
      { Records: [sqs('partly', batchBody([...created.map((r) => createdMessage(r, AT)), ...early]))] },
      {} as never,
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'partly' }] });
    const claims = await store.getClaims(created.map((r) => r.eventId));
    expect([...claims.values()].map((c) => c.applied)).toEqual([true, true]);
    // Handed out again: the created records change nothing; the rectifications fail again.
    const again = await handler(
      { Records: [sqs('partly', batchBody([...created.map((r) => createdMessage(r, AT)), ...early]))] },
      {} as never,
    );
    expect(again).toEqual({ batchItemFailures: [{ itemIdentifier: 'partly' }] });
    expect((await store.loadSubject({ kind: 'enterprise', id })).records).toHaveLength(2);
    destroy();
  });

  it('with a member that is not a record message: that member set aside on the entry it names, the others applied', async () => {
    const { store, handler, destroy } = await isolatedWorker('ingest-handler-subject-batch-invalid-member');
    const [good, bad] = await recordsOf('MEMBER', uscc(524, '150200'), 2);
    for (const r of [good!, bad!]) await claimAsWebhook(store, r, AT);
    const invalid = { ...createdMessage(bad!, AT), receivedAt: 42 };
    const response = await handler(
      { Records: [sqs('one-bad', batchBody([createdMessage(good!, AT), invalid]))] },
      {} as never,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    const claims = await store.getClaims([good!.eventId, bad!.eventId]);
    expect([claims.get(good!.eventId)!.applied, claims.get(bad!.eventId)!.applied]).toEqual([true, false]);
    expect(await store.stuckEntries()).toEqual([
      expect.objectContaining({
        key: { eventId: bad!.eventId, entry: 'created' },
        error: expect.stringContaining('member 1'),
      }),
    ]);
    destroy();
  });

  it('with a member that names no entry: the SQS message reported failed, its record messages applied', async () => {
    const { store, handler, destroy } = await isolatedWorker('ingest-handler-subject-batch-poison');
    const [r] = await recordsOf('POISONED', uscc(525, '150200'), 1);
    await claimAsWebhook(store, r!, AT);
    const response = await handler(
      { Records: [sqs('poisoned', batchBody([createdMessage(r!, AT), { type: 'record.created', record: 'x' }]))] },
      {} as never,
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'poisoned' }] });
    expect((await store.getClaims([r!.eventId])).get(r!.eventId)!.applied).toBe(true);
    expect(await store.stuckEntries()).toEqual([]);
    destroy();
  });

  it('set aside once: handed out again later, the stuck entry keeps its time and cause', async () => {
    const { store, handler, clock, destroy } = await isolatedWorker('ingest-handler-set-aside-once');
    const [conflicting, failing] = await recordsOf('ONCE', uscc(526, '150200'), 2);
    await claimAsWebhook(store, conflicting!, AT);
    expect(
      await store.commitSubject({
        subject: { kind: 'enterprise', id: uscc(526, '150200') },
        newRecord: { record: conflicting!, contentHash: 'other content', source: 'x', receivedAt: AT },
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    // A sibling that fails every time keeps the SQS message coming back.
    const early = {
      type: 'record.rectified',
      eventId: failing!.eventId,
      subject: { kind: 'enterprise', id: uscc(526, '150200') },
      on: '2026-11-01',
      source: 'test',
      receivedAt: AT,
    };
    const body = batchBody([createdMessage(conflicting!, AT), early]);
    expect(await handler({ Records: [sqs('again', body)] }, {} as never)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'again' }],
    });
    const first = await store.stuckEntries();
    expect(first).toEqual([
      expect.objectContaining({
        key: { eventId: conflicting!.eventId, entry: 'created' },
        since: '2026-11-20T02:00:00.000Z',
      }),
    ]);
    clock.freeze(new Date('2026-11-20T03:00:00Z'));
    expect(await handler({ Records: [sqs('again', body)] }, {} as never)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'again' }],
    });
    expect(await store.stuckEntries()).toEqual(first);
    destroy();
  });
});

describe('a group applied one message at a time near the end of an invocation', () => {
  const AT = '2026-11-20T01:00:00Z';
  /** The group's call fails (as a store that refuses it would); the messages alone go through the real use case. */
  const contextWith = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as never;
  const setUp = async (name: string, n: number) => {
    const worker = await isolatedWorker(name, failingTogether);
    const records = hwBasicRecords(name, uscc(531, '150200'), n);
    for (const r of records) await claimAsWebhook(worker.store, r, AT);
    const event = { Records: records.map((r, i) => sqs(`t${i}`, JSON.stringify(createdMessage(r, AT)))) };
    return { ...worker, records, event };
  };

  it('with time left, applies each message alone', async () => {
    const { store, handler, records, event, destroy } = await setUp('TIME-LEFT', 3);
    expect(await handler(event, contextWith(45_000))).toEqual({ batchItemFailures: [] });
    const claims = await store.getClaims(records.map((r) => r.eventId));
    expect([...claims.values()].map((c) => c.applied)).toEqual([true, true, true]);
    destroy();
  });

  it(`with less than ${TIME_MARGIN_MS / 1000} s left, tries none and reports every one failed, to come back`, async () => {
    const { store, handler, records, event, destroy } = await setUp('TIME-UP', 3);
    expect(await handler(event, contextWith(TIME_MARGIN_MS - 1_000))).toEqual({
      batchItemFailures: [{ itemIdentifier: 't0' }, { itemIdentifier: 't1' }, { itemIdentifier: 't2' }],
    });
    const claims = await store.getClaims(records.map((r) => r.eventId));
    expect([...claims.values()].map((c) => c.applied)).toEqual([false, false, false]);
    expect(await store.stuckEntries()).toEqual([]);
    destroy();
  });
});
