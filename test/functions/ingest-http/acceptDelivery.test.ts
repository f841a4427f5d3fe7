import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticWebhookSecrets } from '../../../functions/adapters/webhookSecrets.ts';
import { AcceptDelivery, MAX_BODY_BYTES, MAX_REASON_CHARS } from '../../../functions/ingest-http/acceptDelivery.ts';
import type { RecordQueue } from '../../../functions/ports/queue.ts';
import { sign } from '../../../functions/shared/webhookSignature.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import {
  dumpTable,
  getScore,
  postWebhook,
  selfMonitoringRecord,
  staffToken,
  startTestRuntime,
  TEST_SECRET,
} from '../../support/runtime.ts';

/** Accepting a delivery: 202 only once durable, all-or-nothing batches (races included), authority, bounds. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({
    webhookSecrets: new Map([
      ['nmg-enforcement', TEST_SECRET],
      ['other-platform', TEST_SECRET],
    ]),
  });
  rt.clock.freeze(new Date('2026-11-20T02:00:00Z'));
});
afterAll(async () => rt?.stop());

const ENT = uscc(301, '150600');
const rec = (eventId: string, over: Record<string, unknown> = {}) => selfMonitoringRecord(ENT, eventId, over);
const tableDump = () => dumpTable(rt);
const region = () => staffToken({ role: 'region', league: '150000' });

describe('all or nothing, races included (docs/api.md §2)', () => {
  it('a batch racing a conflicting single delivery stores nothing of the batch when it is refused', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const ids = Array.from({ length: 21 }, (_, i) => `RACE-${trial}-${i}`);
      const batch = ids.map((id) => rec(id));
      // The single delivery claims the batch's last eventId with other content, at the same time.
      const [b, single] = await Promise.all([
        postWebhook(rt, { type: 'records.batch', records: batch }),
        postWebhook(rt, { type: 'record.created', record: rec(ids[20]!, { occurredOn: '2026-05-21' }) }),
      ]);
      expect([b.status, single.status].sort()).toEqual([202, 409]);
      const claims = await rt.store.getClaims(ids);
      if (b.status === 409) {
        // Nothing of the refused batch stands: only the single delivery's claim.
        expect([...claims.keys()]).toEqual([ids[20]]);
        expect(claims.get(ids[20]!)!.occurredOn).toBe('2026-05-21');
      } else {
        expect(claims.size).toBe(21);
        expect([...claims.values()].every((c) => c.occurredOn === '2026-05-20' && !c.inDoubt)).toBe(true);
      }
    }
    await rt.drain();
  });

  it('a batch with one conflicting eventId writes nothing and queues nothing', async () => {
    expect((await postWebhook(rt, { type: 'record.created', record: rec('CONF-1') })).status).toBe(202);
    await rt.drain();
    const withoutDeliveries = async () =>
      (JSON.parse(await tableDump()) as string[]).filter((i) => !i.includes('DELIVERY#'));
    const before = await withoutDeliveries();
    const r = await postWebhook(rt, {
      type: 'records.batch',
      records: [rec('CONF-2'), rec('CONF-3'), rec('CONF-1', { occurredOn: '2026-05-22' })],
    });
    expect(r).toMatchObject({ status: 409, json: { eventIds: ['CONF-1'] } });
    await rt.drain();
    // The delivery's own outcome item may stay (it records the rollback); no claim, no record.
    expect(await withoutDeliveries()).toEqual(before);
  });

  it('a storm of concurrent duplicates stores each record once', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `STORM-${i}`);
    const results = await Promise.all(
      ids.flatMap((id) =>
        Array.from({ length: 5 }, () =>
          postWebhook(rt, {
            type: 'record.created',
            record: rec(id, {
              subject: { kind: 'enterprise', id: uscc(400 + Number(id.split('-')[1])), siteId: null },
              league: '150100',
              department: '150100-EEB',
            }),
          }),
        ),
      ),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(results.reduce((a, r) => a + (r.json.accepted as number), 0)).toBe(20);
    expect(results.reduce((a, r) => a + (r.json.duplicates as number), 0)).toBe(80);
    await rt.drain();
    const claims = await rt.store.getClaims(ids);
    expect([...claims.values()].filter((c) => c.applied)).toHaveLength(20);
  });

  it('a lifecycle message racing the creation of its record is applied once the record is', async () => {
    const [created, revoked] = await Promise.all([
      postWebhook(rt, { type: 'record.created', record: rec('LIFE-RACE-1', { rule: 'HW_BASIC' }) }),
      (async () => {
        for (;;) {
          const r = await postWebhook(rt, {
            type: 'record.revoked',
            eventId: 'LIFE-RACE-1',
            on: '2026-06-01',
            reason: '复议撤销',
          });
          if (r.status !== 404) return r;
        }
      })(),
    ]);
    expect([created.status, revoked.status]).toEqual([202, 202]);
    await rt.drain();
    const partition = await rt.store.loadSubject({ kind: 'enterprise', id: ENT });
    expect(partition.records.find((r) => r.record.eventId === 'LIFE-RACE-1')?.record.revokedOn).toBe('2026-06-01');
  });
});

describe('lifecycle messages only from the source that reported the record', () => {
  it('another platform may not revoke a record: 403, audited, and the score keeps it', async () => {
    expect(
      (await postWebhook(rt, { type: 'record.created', record: rec('OWN-1', { rule: 'PMT_LEDGER' }) })).status,
    ).toBe(202);
    await rt.drain();
    const score = (await getScore(rt, 'enterprise', ENT, { token: await region() })).json.score;
    const r = await postWebhook(
      rt,
      { type: 'record.revoked', eventId: 'OWN-1', on: '2026-06-01', reason: '撤销' },
      { source: 'other-platform' },
    );
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/无权/);
    await rt.drain();
    expect((await getScore(rt, 'enterprise', ENT, { token: await region() })).json.score).toBe(score);
    expect((await rt.store.getClaims(['OWN-1'])).get('OWN-1')!.revokedOn).toBeNull();
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.find((a) => a.action === 'record.revoked.refused')).toMatchObject({
      actor: 'webhook:other-platform',
      what: { eventId: 'OWN-1', recordSource: 'nmg-enforcement' },
    });
    // The reporting platform may.
    expect((await postWebhook(rt, { type: 'record.rectified', eventId: 'OWN-1', on: '2026-06-02' })).status).toBe(202);
  });
});

describe('bounds at the edge: nothing accepted can fail later for its size', () => {
  it(`a revocation reason over ${MAX_REASON_CHARS} characters is refused naming the field`, async () => {
    const before = await tableDump();
    const r = await postWebhook(rt, {
      type: 'record.revoked',
      eventId: 'OWN-1',
      on: '2026-06-01',
      reason: '理'.repeat(MAX_REASON_CHARS + 1),
    });
    expect(r.status).toBe(400);
    expect((r.json.issues as { path: string }[])[0]!.path).toBe('reason');
    expect(await tableDump()).toBe(before);
  });

  it('a body of exactly 1 MiB changes nothing and answers 4xx, never 5xx', async () => {
    const before = await tableDump();
    const skeleton = JSON.stringify({ type: 'record.revoked', eventId: 'OWN-1', on: '2026-06-01', reason: '' });
    const raw = skeleton.replace('"reason":""', `"reason":"${'x'.repeat(MAX_BODY_BYTES - skeleton.length)}"`);
    expect(Buffer.byteLength(raw)).toBe(MAX_BODY_BYTES);
    const r = await postWebhook(rt, null, { raw });
    expect(r.status).toBe(400);
    expect((r.json.issues as { path: string }[])[0]!.path).toBe('reason');
    expect(await tableDump()).toBe(before);
  });

  it('an over-long signature header is refused naming the header', async () => {
    const before = await tableDump();
    const res = await fetch(`${rt.url}/v1/webhooks/nmg-enforcement`, {
      method: 'POST',
      headers: { 'webhook-id': 'x'.repeat(300), 'webhook-timestamp': '1', 'webhook-signature': 'v1,abc' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('headers.webhook-id');
    expect(await tableDump()).toBe(before);
  });
});

describe('202 means durable', () => {
  it('a delivery whose enqueue fails is still accepted, and the sweep applies it', async () => {
    const failing: RecordQueue = { send: async () => Promise.reject(new Error('queue unavailable')) };
    const failures: unknown[] = [];
    const useCase = new AcceptDelivery(
      new StaticWebhookSecrets(new Map([['nmg-enforcement', TEST_SECRET]])),
      rt.store,
      failing,
      rt.clock,
      (e) => failures.push(e),
    );
    const body = Buffer.from(
      JSON.stringify({
        type: 'record.created',
        record: rec('DURABLE-1', { rule: 'PMT_LEDGER', occurredOn: '2026-07-01' }),
      }),
    );
    const id = `msg_${randomUUID()}`;
    const ts = Math.floor(rt.clock.now().getTime() / 1000);
    const outcome = await useCase.execute({
      source: 'nmg-enforcement',
      headers: { id, timestamp: String(ts), signature: sign(TEST_SECRET, id, ts, body) },
      body,
    });
    expect(outcome).toEqual({ status: 'accepted', accepted: 1, duplicates: 0 });
    expect(failures).toHaveLength(1);
    expect((await rt.store.getClaims(['DURABLE-1'])).get('DURABLE-1')!.applied).toBe(false);
    const swept = await rt.sweep(0);
    expect(swept.requeued).toBeGreaterThanOrEqual(1);
    await rt.drain();
    expect((await rt.store.getClaims(['DURABLE-1'])).get('DURABLE-1')!.applied).toBe(true);
  });
});
