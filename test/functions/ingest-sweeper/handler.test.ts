import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqsRecordQueue } from '../../../functions/adapters/sqsRecordQueue.ts';
import { createIngestSweeperHandler } from '../../../functions/ingest-sweeper/handler.ts';
import { SweepOutbox, type SweepSummary } from '../../../functions/ingest-sweeper/sweepOutbox.ts';
import type { Reservation } from '../../../functions/ports/store.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { captureEmf } from '../../support/emf.ts';
import { pendingReservation } from '../../support/outbox.ts';
import { startFrozenRuntime } from '../../support/runtime.ts';

/** The sweeper function: each sweep publishes the stuck and requeued counts the stuck-claims alarm watches. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startFrozenRuntime();
});
afterAll(async () => rt?.stop());

const ENT = uscc(602, '150300');
const reservation = (eventId: string): Reservation => pendingReservation(eventId, ENT, '2026-11-20T01:00:00.000Z');

describe('the ingest-sweeper function', () => {
  it('publishes StuckClaims and RequeuedClaims of every sweep as metrics', async () => {
    const records = rt.queues.find((q) => q.definition.name === 'records')!;
    const handler = createIngestSweeperHandler(
      new SweepOutbox(rt.store, new SqsRecordQueue(rt.sqs, records.url), rt.clock, 0),
      createLogger('ingest-sweeper'),
    );
    await rt.store.reserveClaims(
      'sweeper-delivery',
      [reservation('SWH-1'), reservation('SWH-2')],
      '2026-11-20T01:00:00.000Z',
    );
    expect(await rt.store.commitDelivery('sweeper-delivery', '2026-11-20T01:00:01.000Z')).toBe(true);

    let first: SweepSummary | undefined;
    const [sent] = await captureEmf(async () => {
      first = await handler({});
    });
    expect(first).toMatchObject({ requeued: 2, stuck: 0 });
    expect(sent!._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'ecocredit',
      Metrics: [
        { Name: 'StuckClaims', Unit: 'Count' },
        { Name: 'RequeuedClaims', Unit: 'Count' },
      ],
    });
    expect(sent).toMatchObject({ service: 'ingest-sweeper', StuckClaims: 0, RequeuedClaims: 2 });

    await rt.store.setAside({ eventId: 'SWH-2', entry: 'created' }, 'poison', '2026-11-20T01:30:00.000Z');
    const [stuck] = await captureEmf(() => handler({}));
    expect(stuck).toMatchObject({ StuckClaims: 1 });
  });
});
