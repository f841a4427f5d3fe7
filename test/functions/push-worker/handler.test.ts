import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { type CreditPlatform, CreditPlatformError, type PushBatch } from '../../../functions/ports/creditPlatform.ts';
import { createPushWorkerHandler } from '../../../functions/push-worker/handler.ts';
import { Logger } from '../../../functions/shared/structuredLogger.ts';

/** The push worker hands each queued batch to the credit platform (mocked: it has no local peer). */
const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const entry = {
  uscc: '91150600MA0Q67890N',
  name: '鄂尔多斯市示例化工有限公司',
  league: '150600',
  grade: 'A' as const,
  score: 99.5,
  blacklisted: false,
};
const correction: PushBatch = {
  type: 'push',
  batchId: 'c-2',
  kind: 'enterprise',
  year: 2026,
  publishedOn: '2027-06-30',
  entries: [entry],
  correction: { version: 2, reissuedOn: '2027-09-01', repairs: [{ eventId: 'NMG-1', repairedOn: '2027-09-01' }] },
};
const event = (...bodies: unknown[]): SQSEvent =>
  ({
    Records: bodies.map((b, i) => ({
      messageId: `m${i}`,
      body: typeof b === 'string' ? b : JSON.stringify(b),
      eventSource: 'aws:sqs',
      attributes: {},
      messageAttributes: {},
    })),
  }) as unknown as SQSEvent;

describe('push-worker', () => {
  it('Art 23: passes a correction on whole, and a re-delivery with the same idempotency key', async () => {
    const push = vi.fn<CreditPlatform['push']>(async () => {});
    const handler = createPushWorkerHandler({ push }, logger);
    expect(await handler(event(correction))).toEqual({ batchItemFailures: [] });
    expect(await handler(event(correction))).toEqual({ batchItemFailures: [] });
    expect(push.mock.calls.map((c) => c[0])).toEqual([correction, correction]);
  });

  it('reports a refused batch and a malformed message as failed items, and only those', async () => {
    const push = vi.fn<CreditPlatform['push']>(async (b) => {
      if (b.batchId === 'busy') throw new CreditPlatformError('HTTP 503');
    });
    const handler = createPushWorkerHandler({ push }, logger);
    const result = await handler(event(correction, { ...correction, batchId: 'busy' }, '{"type":"push"}'));
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m1', 'm2']);
  });
});
