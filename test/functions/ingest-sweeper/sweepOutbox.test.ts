import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepOutbox } from '../../../functions/ingest-sweeper/sweepOutbox.ts';
import type { RecordMessage } from '../../../functions/ports/messages.ts';
import type { Reservation } from '../../../functions/ports/store.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { pendingReservation } from '../../support/outbox.ts';
import { startFrozenRuntime } from '../../support/runtime.ts';

/** The outbox sweep: nothing accepted stays unapplied, and nothing is retried for ever. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startFrozenRuntime();
});
afterAll(async () => rt?.stop());

const ENT = uscc(601, '150300');
const reservation = (eventId: string): Reservation => pendingReservation(eventId, ENT, '2026-11-20T02:00:00.000Z');

describe('the outbox sweep', () => {
  it('rolls back the reservations of a delivery that died before its commit', async () => {
    await rt.store.reserveClaims(
      'dead-delivery',
      [reservation('SW-DEAD-1'), reservation('SW-DEAD-2')],
      '2026-11-20T01:00:00.000Z',
    );
    expect((await rt.store.getClaims(['SW-DEAD-1'])).get('SW-DEAD-1')?.inDoubt).toMatchObject({
      delivery: 'dead-delivery',
    });
    const summary = await rt.sweep(0);
    expect(summary.rolledBack).toBe(2);
    expect((await rt.store.getClaims(['SW-DEAD-1', 'SW-DEAD-2'])).size).toBe(0);
    // A late commit of the rolled-back delivery cannot succeed.
    expect(await rt.store.commitDelivery('dead-delivery', '2026-11-20T02:00:00.000Z')).toBe(false);
  });

  it('sends the claims of a delivery that committed and died before its enqueue; they are applied once', async () => {
    await rt.store.reserveClaims(
      'committed-delivery',
      [reservation('SW-LIVE-1'), reservation('SW-LIVE-2')],
      '2026-11-20T01:00:00.000Z',
    );
    expect(await rt.store.commitDelivery('committed-delivery', '2026-11-20T01:00:01.000Z')).toBe(true);
    expect((await rt.sweep(0)).requeued).toBe(2);
    await rt.drain();
    const claims = await rt.store.getClaims(['SW-LIVE-1', 'SW-LIVE-2']);
    expect([...claims.values()].map((c) => c.applied)).toEqual([true, true]);
    expect(
      (await rt.store.loadSubject({ kind: 'enterprise', id: ENT })).records.map((r) => r.record.eventId).sort(),
    ).toEqual(['SW-LIVE-1', 'SW-LIVE-2']);
    expect((await rt.sweep(0)).requeued).toBe(0);
  });

  it('leaves young entries alone: their message may still be on the queue', async () => {
    await rt.store.reserveClaims('young-delivery', [reservation('SW-YOUNG-1')], rt.clock.now().toISOString());
    await rt.store.commitDelivery('young-delivery', rt.clock.now().toISOString());
    expect((await rt.sweep(60)).requeued).toBe(0);
    expect((await rt.sweep(0)).requeued).toBe(1);
    await rt.drain();
  });

  it('sets an entry aside after too many sends, with its cause, instead of retrying for ever', async () => {
    await rt.store.reserveClaims('lost-delivery', [reservation('SW-LOST-1')], '2026-11-20T01:00:00.000Z');
    await rt.store.commitDelivery('lost-delivery', '2026-11-20T01:00:00.000Z');
    await rt.store.recordFailure({ eventId: 'SW-LOST-1', entry: 'created' }, 'StoreError: throttled');
    // A queue that loses everything: the entry is never applied.
    const sent: RecordMessage[] = [];
    const sweeper = new SweepOutbox(rt.store, { send: async (m) => void sent.push(...m) }, rt.clock, 0, 3);
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await sweeper.execute());
    expect(sent.filter((m) => m.type === 'record.created' && m.record.eventId === 'SW-LOST-1')).toHaveLength(2);
    expect(runs.map((r) => r.setAside)).toEqual([0, 0, 1, 0]);
    expect(await rt.store.stuckEntries()).toContainEqual(
      expect.objectContaining({
        key: { eventId: 'SW-LOST-1', entry: 'created' },
        error: 'StoreError: throttled',
        league: '150300',
      }),
    );
    expect(runs.at(-1)!.stuck).toBeGreaterThanOrEqual(1);
    // Re-driven once fixed: sent again and applied.
    const messages = await rt.store.redrive('SW-LOST-1', rt.clock.now().toISOString());
    expect(messages).toHaveLength(1);
    await rt.sweep(0);
    await rt.drain();
    expect((await rt.store.getClaims(['SW-LOST-1'])).get('SW-LOST-1')!.applied).toBe(true);
    expect((await rt.store.stuckEntries()).map((e) => e.key.eventId)).not.toContain('SW-LOST-1');
  });
});
