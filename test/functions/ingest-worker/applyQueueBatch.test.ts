import { describe, expect, it } from 'vitest';
import { createQueueBatchApplier } from '../../../functions/ingest-worker/applyQueueBatch.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { uscc } from '../../support/builders.ts';
import { claimAsWebhook, createdMessage } from '../../support/claims.ts';
import { failingTogether, hwBasicRecords, isolatedWorker, recordsQueueRecord } from '../../support/ingestWorker.ts';

/** One receive of the records queue: each subject's messages together, whichever SQS message carries them. */
const AT = '2026-11-20T01:00:00Z';
const recordsOf = hwBasicRecords;

describe('createQueueBatchApplier', () => {
  it('applies a subject’s messages from a subject’s batch and a lone SQS message with one read and one transaction', async () => {
    const { store, useCase, counter, destroy } = await isolatedWorker('queue-batch-one-group');
    const apply = createQueueBatchApplier(useCase, createLogger('ingest-worker'), store);
    const records = recordsOf('SPREAD', uscc(541, '150200'), 3);
    for (const r of records) await claimAsWebhook(store, r, AT);
    const [a, b, c] = records.map((r) => createdMessage(r, AT));
    counter.take();
    const failed = await apply(
      [
        recordsQueueRecord('batch', JSON.stringify({ type: 'subject.batch', messages: [a, b] })),
        recordsQueueRecord('lone', JSON.stringify(c)),
      ],
      Number.POSITIVE_INFINITY,
    );
    expect(failed).toEqual([]);
    expect(counter.take().byCommand).toMatchObject({ Query: 1, TransactWrite: 1 });
    const claims = await store.getClaims(records.map((r) => r.eventId));
    expect([...claims.values()].map((x) => x.applied)).toEqual([true, true, true]);
    destroy();
  });

  it('once `stopAt` has passed, a group that failed together is not tried message by message: all reported', async () => {
    const { store, useCase, destroy } = await isolatedWorker('queue-batch-stop-at', failingTogether);
    const apply = createQueueBatchApplier(useCase, createLogger('ingest-worker'), store);
    const records = recordsOf('STOP', uscc(542, '150200'), 2);
    for (const r of records) await claimAsWebhook(store, r, AT);
    const sqsRecords = records.map((r, i) => recordsQueueRecord(`s${i}`, JSON.stringify(createdMessage(r, AT))));
    expect(await apply(sqsRecords, Date.now() - 1)).toEqual(['s0', 's1']);
    expect([...(await store.getClaims(records.map((r) => r.eventId))).values()].map((x) => x.applied)).toEqual([
      false,
      false,
    ]);
    // With time left, the same receive is applied message by message.
    expect(await apply(sqsRecords, Number.POSITIVE_INFINITY)).toEqual([]);
    expect([...(await store.getClaims(records.map((r) => r.eventId))).values()].map((x) => x.applied)).toEqual([
      true,
      true,
    ]);
    destroy();
  });
});
