import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { StaticWebhookSecrets } from '../../../functions/adapters/webhookSecrets.ts';
import { AcceptDelivery } from '../../../functions/ingest-http/acceptDelivery.ts';
import { createIngestHttpHandler } from '../../../functions/ingest-http/handler.ts';
import type { RecordMessage } from '../../../functions/ports/messages.ts';
import type { CreditStore } from '../../../functions/ports/store.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { sign } from '../../../functions/shared/webhookSignature.ts';
import { uscc } from '../../support/builders.ts';
import { TEST_SECRET } from '../../support/runtime.ts';
import { freshTable } from '../../support/table.ts';

/**
 * Thousands of fuzzed deliveries, signed and unsigned, through the webhook handler on the real
 * DynamoDB Local: never a 5xx, no write for a rejected delivery, and every 400 names its field.
 */
const WRITES = new Set([
  'reserveClaims',
  'commitDelivery',
  'abortDelivery',
  'settleReservation',
  'claimLifecycle',
  'claimEvent',
  'auditRefusal',
  'commitSubject',
  'putProfile',
  'markRequeued',
  'setAside',
  'recordFailure',
  'redrive',
]);
let writes = 0;
const sent: RecordMessage[] = [];
let handler: ReturnType<typeof createIngestHttpHandler>;
let destroy: () => void;
const clock = new AdjustableClock();
beforeAll(async () => {
  const { client, table } = await freshTable('fuzz');
  destroy = () => client.destroy();
  const real = new DynamoCreditStore(client, table);
  const counting = new Proxy(real, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (WRITES.has(String(prop))) writes++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as CreditStore;
  clock.freeze(new Date('2026-11-20T02:00:00Z'));
  const useCase = new AcceptDelivery(
    new StaticWebhookSecrets(new Map([['nmg-enforcement', TEST_SECRET]])),
    counting,
    { send: async (m) => void sent.push(...m) },
    clock,
  );
  handler = createIngestHttpHandler(useCase, createLogger('fuzz'));
});
afterAll(() => destroy?.());

const ENT = uscc(801, '150100');
const valid = (eventId: string) => ({
  eventId,
  subject: { kind: 'enterprise', id: ENT },
  rule: 'ENF_FINE',
  occurredOn: '2026-03-01',
  department: '150100-EEB',
  league: '150100',
  fineYuan: 1000,
});
const FIELDS = [
  'eventId',
  'subject',
  'rule',
  'occurredOn',
  'department',
  'league',
  'fineYuan',
  'clientEventId',
  'legalBasis',
  'caseNo',
  'summary',
  'warning',
  'rectifiedOn',
  'repairedOn',
  'revokedOn',
];

/** A valid record with one field replaced by anything at all. */
const mutatedRecord = fc
  .record({
    field: fc.constantFrom(...FIELDS),
    value: fc.oneof(
      fc.jsonValue(),
      fc.string({ unit: 'binary' }),
      fc.constant(2 ** 53),
      fc.constant(-1),
      fc.constant(1e308),
      fc.constant('x'.repeat(5000)),
    ),
    n: fc.nat(1_000_000),
  })
  .map(({ field, value, n }) => ({ ...valid(`FZ-${n}`), [field]: value }));
const body = fc.oneof(
  fc.record({ type: fc.constant('record.created'), record: mutatedRecord }),
  fc.record({ type: fc.constant('records.batch'), records: fc.array(mutatedRecord, { minLength: 0, maxLength: 5 }) }),
  fc.record({
    type: fc.constantFrom('record.revoked', 'record.rectified'),
    eventId: fc.oneof(fc.string(), fc.jsonValue()),
    on: fc.oneof(fc.string(), fc.constant('2026-02-30')),
    reason: fc.oneof(fc.string(), fc.jsonValue(), fc.constant('理'.repeat(600))),
  }),
  fc.jsonValue(),
  fc.dictionary(fc.string(), fc.jsonValue()),
);
const raw = fc.oneof(
  { weight: 8, arbitrary: body.map((b) => JSON.stringify(b) ?? 'null') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string().map((s) => `{"type":${s}`) },
);

const event = (payload: string, headers: Record<string, string>, source = 'nmg-enforcement'): APIGatewayProxyEventV2 =>
  ({
    routeKey: 'POST /v1/webhooks/{source}',
    rawPath: `/v1/webhooks/${source}`,
    pathParameters: { source },
    headers,
    body: payload,
    isBase64Encoded: false,
    requestContext: {},
  }) as unknown as APIGatewayProxyEventV2;

const check = async (payload: string, headers: Record<string, string>, source?: string) => {
  const before = writes;
  const sentBefore = sent.length;
  const res = await handler(event(payload, headers, source));
  expect(res.statusCode).toBeLessThan(500);
  if (res.statusCode !== 202) {
    expect(writes - before).toBe(0);
    expect(sent.length - sentBefore).toBe(0);
  }
  if (res.statusCode === 400) {
    const b = JSON.parse(res.body) as { error: string; issues: { path: string; message: string }[] };
    expect(b.issues.length).toBeGreaterThan(0);
    expect(b.error).toMatch(/[\u4e00-\u9fff]/);
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      parsed = undefined;
    }
    // An object names the field at fault; only a body that is not an object at all has no field to name.
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      expect(b.issues.some((i) => i.path !== '')).toBe(true);
  }
  return res.statusCode;
};

const signed = (payload: string) => {
  const ts = Math.floor(clock.now().getTime() / 1000);
  return {
    'webhook-id': 'msg_fuzz',
    'webhook-timestamp': String(ts),
    'webhook-signature': sign(TEST_SECRET, 'msg_fuzz', ts, payload),
  };
};

describe('fuzzed deliveries', () => {
  it('signed bodies: never 5xx, no write when refused, every 400 names its field', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(raw, async (payload) => void seen.add(await check(payload, signed(payload)))),
      { numRuns: 2500 },
    );
    expect(seen.has(400)).toBe(true);
  });

  it('unsigned, forged and odd headers: never 5xx and never a write', async () => {
    const headers = fc.record(
      {
        'webhook-id': fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 400 })),
        'webhook-timestamp': fc.oneof(fc.string(), fc.nat().map(String)),
        'webhook-signature': fc.oneof(
          fc.string(),
          fc.string().map((s) => `v1,${s}`),
        ),
      },
      { requiredKeys: [] },
    );
    const source = fc.oneof(fc.constant('nmg-enforcement'), fc.string({ maxLength: 100 }));
    await fc.assert(
      fc.asyncProperty(raw, headers, source, async (payload, h, s) => {
        const before = writes;
        const status = await check(payload, h as Record<string, string>, s);
        expect([400, 401, 413]).toContain(status);
        expect(writes).toBe(before);
      }),
      { numRuns: 1500 },
    );
  });
});
