import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqsRecordQueue } from '../../../functions/adapters/sqsRecordQueue.ts';
import { createIngestSweeperHandler } from '../../../functions/ingest-sweeper/handler.ts';
import { SweepOutbox, type SweepSummary } from '../../../functions/ingest-sweeper/sweepOutbox.ts';
import type { RecordMessage } from '../../../functions/ports/messages.ts';
import type { Reservation } from '../../../functions/ports/store.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { record, uscc } from '../../support/builders.ts';
import { captureEmf } from '../../support/emf.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** The sweeper function: each sweep publishes the stuck and requeued counts the stuck-claims alarm watches. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.freeze(new Date('2026-11-20T02:00:00Z'));
});
afterAll(async () => rt?.stop());

const ENT = uscc(602, '150300');
const reservation = (eventId: string): Reservation => {
  const r = record({
    eventId,
    rule: 'PMT_LEDGER',
    subject: { kind: 'enterprise', id: ENT, siteId: null },
    league: '150300',
    department: '150300-EEB',
    occurredOn: '2026-04-01',
  });
  const message: RecordMessage = {
    type: 'record.created',
    record: r,
    contentHash: `hash-${eventId}`,
    source: 'nmg-enforcement',
    receivedAt: '2026-11-20T01:00:00.000Z',
  };
  return {
    claim: {
      eventId,
      subject: { kind: 'enterprise', id: ENT },
      contentHash: `hash-${eventId}`,
      occurredOn: r.occurredOn,
      rectifiedOn: null,
      revokedOn: null,
      applied: false,
      source: 'nmg-enforcement',
      claimedAt: message.receivedAt,
    },
    league: '150300',
    message,
  };
};

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
