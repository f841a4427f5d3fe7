import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { ApplyRecordMessage } from '../../../functions/ingest-worker/applyRecordMessage.ts';
import type { RecordMessage } from '../../../functions/ports/messages.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { practitioner, record, residentId, uscc } from '../../support/builders.ts';
import { claimAsWebhook, createdMessage } from '../../support/claims.ts';
import { countDynamo } from '../../support/dynamoCounter.ts';
import { type FreshRecordQueue, freshRecordQueue } from '../../support/recordQueue.ts';
import { freshTable } from '../../support/table.ts';

/** Applying a message of the records queue on DynamoDB Local, and the knock-on it sends (I4, Annex 2). */
let client: DynamoDBClient;
let store: DynamoCreditStore;
let queue: FreshRecordQueue;
let counter: ReturnType<typeof countDynamo>;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const at = '2026-11-20T01:00:00Z';

beforeAll(async () => {
  const fresh = await freshTable('apply-record');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
  queue = await freshRecordQueue('apply-record');
  counter = countDynamo(client);
});
afterAll(() => {
  client?.destroy();
  queue?.destroy();
});

/** The record claimed at the webhook, and its message. */
const claimed = async (r: ReturnType<typeof record>): Promise<RecordMessage> => {
  await claimAsWebhook(store, r, at);
  return created(r);
};
const created = (r: ReturnType<typeof record>): RecordMessage => createdMessage(r, at);
const apply = () => new ApplyRecordMessage(store, queue.queue, clock);

describe('the I4 knock-on', () => {
  const client1 = { kind: 'enterprise' as const, id: uscc(981) };
  const ag = { kind: 'agency' as const, id: uscc(982, '150200') };
  const clientRecord = record({ eventId: 'KO-C1', rule: 'ENF_FINE', subject: { ...client1, siteId: null } });
  const agencyRecord = record({
    eventId: 'KO-A1',
    rule: 'AG_CLIENT_DEDUCTED',
    subject: { ...ag, siteId: null },
    clientEventId: 'KO-C1',
    department: '150200-EEB',
    league: '150200',
  });

  it('a record nobody cites is applied with one read and one transaction, and sends no knock-on', async () => {
    const message = await claimed(
      record({ eventId: 'KO-E1', rule: 'ENF_FINE', subject: { ...client1, siteId: null } }),
    );
    counter.take();
    expect(await apply().execute(message)).toMatchObject({ status: 'applied' });
    expect(counter.take().byCommand).toEqual({ Query: 1, TransactWrite: 1 });
    expect(await queue.received()).toEqual([]);
    expect((await store.getClaims(['KO-E1'])).get('KO-E1')?.applied).toBe(true);
  });

  it('an agency record citing a client record not yet arrived: the client record, when applied, re-evaluates the agency', async () => {
    expect(await apply().execute(await claimed(agencyRecord))).toMatchObject({ status: 'applied' });
    expect(await queue.received()).toEqual([]);
    expect(await apply().execute(await claimed(clientRecord))).toMatchObject({ status: 'applied' });
    expect(await queue.received()).toEqual([
      { type: 'subject.reevaluate', subject: ag, cause: 'client:KO-C1:record.created' },
    ]);
  });

  it('a crash between the commit and the knock-on loses nothing: the redelivery sends it', async () => {
    const c2 = record({ eventId: 'KO-C2', rule: 'ENF_FINE', subject: { ...client1, siteId: null } });
    const a2 = { ...agencyRecord, eventId: 'KO-A2', clientEventId: 'KO-C2' };
    expect(await apply().execute(await claimed(a2))).toMatchObject({ status: 'applied' });
    const message = await claimed(c2);
    const crashing = new ApplyRecordMessage(store, queue.queue, clock, () => {
      throw new Error('crash after the commit');
    });
    await expect(crashing.execute(message)).rejects.toThrow('crash after the commit');
    expect(await queue.received()).toEqual([]);
    expect(await apply().execute(message)).toEqual({ status: 'unchanged' });
    expect(await queue.received()).toEqual([
      { type: 'subject.reevaluate', subject: ag, cause: 'client:KO-C2:record.created' },
    ]);
  });

  it('a later change of the cited record re-evaluates the agency', async () => {
    const revoked: RecordMessage = {
      type: 'record.revoked',
      subject: client1,
      eventId: 'KO-C1',
      on: '2026-11-19',
      reason: '撤销',
      source: 'test',
      receivedAt: at,
    };
    expect(await apply().execute(revoked)).toMatchObject({ status: 'applied' });
    expect(await queue.received()).toEqual([
      { type: 'subject.reevaluate', subject: ag, cause: 'client:KO-C1:record.revoked' },
    ]);
  });
});

describe('the staff knock-on (Annex 2)', () => {
  it('a practitioner’s record re-evaluates its employer agency without reading the profile again', async () => {
    const ag = { kind: 'agency' as const, id: uscc(983, '150200') };
    const pr = { kind: 'practitioner' as const, id: residentId(984) };
    expect(
      await store.commitSubject({
        subject: pr,
        snapshots: [],
        audit: [],
        profileIfAbsent: {
          subject: practitioner(984, { employer: { kind: 'agency', id: ag.id } }),
          registration: 'registered',
          version: 1,
          updatedAt: at,
        },
      }),
    ).toBe(true);
    const r = record({
      eventId: 'KO-P1',
      rule: 'PR_FRAUD_IN_SERVICE',
      subject: { ...pr, siteId: null },
      department: '150200-EEB',
      league: '150200',
    });
    const message = await claimed(r);
    counter.take();
    expect(await apply().execute(message)).toMatchObject({ status: 'applied' });
    expect(counter.take().byCommand.Get ?? 0).toBe(0);
    expect(await queue.received()).toEqual([
      { type: 'subject.reevaluate', subject: ag, cause: `staff:${pr.id}:KO-P1` },
    ]);
  });
});
