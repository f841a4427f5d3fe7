import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { ApplyRecordMessage } from '../../../functions/ingest-worker/applyRecordMessage.ts';
import { ApplySubjectMessages } from '../../../functions/ingest-worker/applySubjectMessages.ts';
import type { RecordMessage } from '../../../functions/ports/messages.ts';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { record, uscc } from '../../support/builders.ts';
import { claimAsWebhook, createdMessage } from '../../support/claims.ts';
import { countDynamo } from '../../support/dynamoCounter.ts';
import { type FreshRecordQueue, freshRecordQueue } from '../../support/recordQueue.ts';
import { freshTable } from '../../support/table.ts';

/** A subject's messages of one batch applied together, on DynamoDB Local: the same end as one by one. */
let clients: DynamoDBClient[] = [];
let together: DynamoCreditStore;
let alone: DynamoCreditStore;
let queue: FreshRecordQueue;
let counter: ReturnType<typeof countDynamo>;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const at = '2026-11-20T01:00:00Z';

beforeAll(async () => {
  const a = await freshTable('apply-group-together');
  const b = await freshTable('apply-group-alone');
  clients = [a.client, b.client];
  together = new DynamoCreditStore(a.client, a.table);
  alone = new DynamoCreditStore(b.client, b.table);
  queue = await freshRecordQueue('apply-group');
  counter = countDynamo(a.client);
});
afterAll(() => {
  for (const c of clients) c.destroy();
  queue?.destroy();
});

const created = (r: ReturnType<typeof record>, hash = r.eventId): RecordMessage => createdMessage(r, at, hash);
const claim = async (store: DynamoCreditStore, r: ReturnType<typeof record>) => claimAsWebhook(store, r, at);
const lifecycle = (
  ref: SubjectRef,
  type: 'record.revoked' | 'record.rectified' | 'record.repaired',
  eventId: string,
  on: string,
): RecordMessage =>
  type === 'record.revoked'
    ? { type, subject: ref, eventId, on, reason: '撤销', source: 'test', receivedAt: at }
    : type === 'record.rectified'
      ? { type, subject: ref, eventId, on, source: 'test', receivedAt: at }
      : { type, subject: ref, eventId, on, source: 'staff:league:150100', receivedAt: at };

describe('one subject’s messages of a batch', () => {
  it('are applied with one read and one transaction: records and claims once each, the snapshots once for all', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(701) };
    const records = Array.from({ length: 8 }, (_, i) =>
      record({
        eventId: `G1-${i}`,
        rule: 'ENF_FINE',
        subject: { ...ref, siteId: null },
        occurredOn: `2026-0${i + 1}-02`,
      }),
    );
    for (const r of records) await claim(together, r);
    counter.take();
    const outcomes = await new ApplySubjectMessages(together, queue.queue, clock).execute(
      ref,
      records.map((r) => created(r)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(records.map(() => 'applied'));
    const counts = counter.take();
    expect(counts.byCommand).toEqual({ Query: 1, TransactWrite: 1 });
    // 8 records, 8 claims applied, the profile of a subject first met, and the live years' snapshots.
    const partition = await together.loadSubject(ref);
    expect(counts.itemsWritten).toBe(8 + 8 + 1 + 1 + partition.snapshots.length);
    expect(partition.records.map((r) => r.record.eventId).sort()).toEqual(records.map((r) => r.eventId).sort());
    expect([...(await together.getClaims(records.map((r) => r.eventId))).values()].every((c) => c.applied)).toBe(true);
    expect(await queue.received()).toEqual([]);
  });

  it('beyond one transaction (100 items) are split, and every one is applied', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(702) };
    const records = Array.from({ length: 60 }, (_, i) =>
      record({ eventId: `G2-${i}`, rule: 'HW_BASIC', subject: { ...ref, siteId: null }, occurredOn: '2026-05-01' }),
    );
    for (const r of records) await claim(together, r);
    counter.take();
    const outcomes = await new ApplySubjectMessages(together, queue.queue, clock).execute(
      ref,
      records.map((r) => created(r)),
    );
    expect(outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect(counter.take().byCommand.TransactWrite).toBe(2);
    expect((await together.loadSubject(ref)).records).toHaveLength(60);
    expect([...(await together.getClaims(records.map((r) => r.eventId))).values()].every((c) => c.applied)).toBe(true);
  });

  it('re-evaluate every agency citing any of them (I4), and no other', async () => {
    const client1 = { kind: 'enterprise' as const, id: uscc(703) };
    const ag = { kind: 'agency' as const, id: uscc(704, '150200') };
    const cites = (eventId: string, clientEventId: string) => {
      const r = record({
        eventId,
        rule: 'AG_CLIENT_DEDUCTED',
        subject: { ...ag, siteId: null },
        clientEventId,
        department: '150200-EEB',
        league: '150200',
      });
      return claim(together, r).then(() => created(r));
    };
    const use = new ApplySubjectMessages(together, queue.queue, clock);
    await use.execute(ag, [await cites('G3-A1', 'G3-C1'), await cites('G3-A2', 'G3-C2')]);
    expect(await queue.received()).toEqual([]);
    const own = (eventId: string) => record({ eventId, rule: 'ENF_FINE', subject: { ...client1, siteId: null } });
    for (const id of ['G3-C1', 'G3-E3', 'G3-C2']) await claim(together, own(id));
    const outcomes = await use.execute(client1, [created(own('G3-C1')), created(own('G3-E3')), created(own('G3-C2'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await queue.received()).map((m) => (m.type === 'subject.reevaluate' ? m.cause : m.type)).sort()).toEqual([
      'client:G3-C1:record.created',
      'client:G3-C2:record.created',
    ]);
  });

  it('a conflict and a lifecycle change of a record stored nowhere are their own outcomes; the rest is applied', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(705) };
    const r = record({ eventId: 'G4-1', rule: 'ENF_FINE', subject: { ...ref, siteId: null } });
    const use = new ApplySubjectMessages(together, queue.queue, clock);
    await claim(together, r);
    await claim(together, record({ eventId: 'G4-2', rule: 'HW_BASIC', subject: { ...ref, siteId: null } }));
    await use.execute(ref, [created(r)]);
    const outcomes = await use.execute(ref, [
      created(r, 'other content'),
      lifecycle(ref, 'record.revoked', 'G4-NOWHERE', '2026-11-01'),
      created(record({ eventId: 'G4-2', rule: 'HW_BASIC', subject: { ...ref, siteId: null } })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['conflict', 'failed', 'applied']);
    expect((await together.loadSubject(ref)).records.map((x) => x.record.eventId).sort()).toEqual(['G4-1', 'G4-2']);
  });
});

/** Applies messages one by one, each failed one again after the others (its redelivery), until none progresses. */
const oneByOne = async (store: DynamoCreditStore, messages: readonly RecordMessage[]) => {
  const apply = new ApplyRecordMessage(store, queue.queue, clock);
  let left = [...messages];
  for (let pass = 0; pass < 3 && left.length > 0; pass++) {
    const failed: RecordMessage[] = [];
    for (const m of left) await apply.execute(m).catch(() => failed.push(m));
    left = failed;
  }
};
const together_ = async (ref: SubjectRef, messages: readonly RecordMessage[]) => {
  const use = new ApplySubjectMessages(together, queue.queue, clock);
  let left = [...messages];
  for (let pass = 0; pass < 3 && left.length > 0; pass++) {
    const outcomes = await use.execute(ref, left);
    left = left.filter((_, i) => outcomes[i]!.status === 'failed');
  }
};
const endState = async (store: DynamoCreditStore, ref: SubjectRef, eventIds: readonly string[]) => {
  const partition = await store.loadSubject(ref);
  const claims = await store.getClaims(eventIds);
  return {
    records: partition.records
      .map((r) => ({ record: r.record, hash: r.contentHash }))
      .sort((a, b) => a.record.eventId.localeCompare(b.record.eventId)),
    snapshots: partition.snapshots.map((s) => ({ year: s.year, result: s.result })).sort((a, b) => a.year - b.year),
    applied: eventIds.map((id) => claims.get(id)?.applied ?? null),
  };
};

describe('applied together or one by one', () => {
  it('creations and lifecycle changes of one subject end in the same items, in any order of the batch', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          [
            'create-A',
            'create-A',
            'create-A-other',
            'create-B',
            'create-C',
            'revoke-A',
            'rectify-B',
            'repair-B',
            'revoke-B',
            'rectify-B-later',
            'revoke-D',
          ] as const,
          { minLength: 1 },
        ),
        async (kinds) => {
          n++;
          const ref = { kind: 'enterprise' as const, id: uscc(800 + n) };
          const id = (x: string) => `P${n}-${x}`;
          const rec = (x: string, rule: string, occurredOn: string) =>
            record({ eventId: id(x), rule, subject: { ...ref, siteId: null }, occurredOn });
          const messages: RecordMessage[] = kinds.map((k) => {
            switch (k) {
              case 'create-A':
                return created(rec('A', 'ENF_FINE', '2026-02-01'));
              case 'create-A-other':
                return created(rec('A', 'ENF_FINE', '2026-02-01'), 'other content');
              case 'create-B':
                return created(rec('B', 'HW_BASIC', '2025-06-01'));
              case 'create-C':
                return created(rec('C', 'PMT_SELF_MONITORING', '2026-07-01'));
              case 'revoke-A':
                return lifecycle(ref, 'record.revoked', id('A'), '2026-10-01');
              case 'rectify-B':
                return lifecycle(ref, 'record.rectified', id('B'), '2026-09-01');
              case 'rectify-B-later':
                return lifecycle(ref, 'record.rectified', id('B'), '2026-09-15');
              case 'repair-B':
                return lifecycle(ref, 'record.repaired', id('B'), '2026-10-05');
              case 'revoke-B':
                return lifecycle(ref, 'record.revoked', id('B'), '2026-10-10');
              default:
                return lifecycle(ref, 'record.revoked', id('D'), '2026-10-10');
            }
          });
          const ids = ['A', 'B', 'C'].map(id);
          for (const store of [together, alone])
            for (const x of ['A', 'B', 'C']) await claim(store, rec(x, 'HW_BASIC', '2026-01-01'));
          await together_(ref, messages);
          await oneByOne(alone, messages);
          expect(await endState(together, ref, ids)).toEqual(await endState(alone, ref, ids));
        },
      ),
      { numRuns: 20, seed: 20261128 },
    );
  });
});
