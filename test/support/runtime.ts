import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { signLocalToken } from '../../functions/adapters/tokenVerifiers.ts';
import type { StaffClaims } from '../../functions/ports/identity.ts';
import { sign } from '../../functions/shared/webhookSignature.ts';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../infra/local/runtime.ts';

export const TEST_SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLWVjb2NyZWRpdC10ZXN0cw==';
export const TEST_JWT_SECRET = 'test-jwt-secret-of-ecocredit-0123456789';

/** A local runtime on the shared test services, with its own table and queues. */
export const startTestRuntime = (over: Partial<LocalRuntimeOptions> = {}): Promise<LocalRuntime> => {
  const suffix = randomUUID().slice(0, 8);
  return startLocalRuntime({
    dataDir: ':memory:',
    port: 0,
    webhookSecrets: new Map([['nmg-enforcement', TEST_SECRET]]),
    jwtSecret: TEST_JWT_SECRET,
    visibilityTimeoutSeconds: 1,
    poll: false,
    tableName: `t-${suffix}`,
    queuePrefix: `q-${suffix}`,
    services: { dynamoEndpoint: inject('dynamoEndpoint'), sqsEndpoint: inject('sqsEndpoint') },
    ...over,
  });
};

/** Signs and posts a webhook delivery (Standard Webhooks) to the runtime. */
export const postWebhook = async (
  rt: LocalRuntime,
  body: unknown,
  opts: { source?: string; secret?: string; timestamp?: number; id?: string; raw?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> => {
  const raw = opts.raw ?? JSON.stringify(body);
  const id = opts.id ?? `msg_${randomUUID()}`;
  const ts = opts.timestamp ?? Math.floor(rt.clock.now().getTime() / 1000);
  const res = await fetch(`${rt.url}/v1/webhooks/${opts.source ?? 'nmg-enforcement'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': sign(opts.secret ?? TEST_SECRET, id, ts, raw),
    },
    body: raw,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

export const staffToken = (claims: StaffClaims): Promise<string> => signLocalToken(TEST_JWT_SECRET, claims);

export const getScore = async (
  rt: LocalRuntime,
  kind: string,
  id: string,
  opts: { token?: string; query?: string } = {},
) => {
  const res = await fetch(`${rt.url}/v1/subjects/${kind}/${id}/score${opts.query ? `?${opts.query}` : ''}`, {
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

export const putSubject = async (rt: LocalRuntime, kind: string, id: string, body: unknown, token?: string) => {
  const res = await fetch(`${rt.url}/v1/subjects/${kind}/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

/** A test runtime (see `startTestRuntime`) whose clock is frozen at `at`, 10:00 on 2026-11-20 in Asia/Shanghai by default. */
export const startFrozenRuntime = async (
  at = '2026-11-20T02:00:00Z',
  over: Partial<LocalRuntimeOptions> = {},
): Promise<LocalRuntime> => {
  const rt = await startTestRuntime(over);
  rt.clock.freeze(new Date(at));
  return rt;
};

/**
 * Calls the runtime's HTTP API as a signed-in user (`token`), with a JSON body when one is given;
 * `J` types the answer's JSON body.
 */
export const callApi = async <J = Record<string, any>>(
  rt: LocalRuntime,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; json: J }> => {
  const res = await fetch(`${rt.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as J };
};

/** Everything in a runtime's table, in a stable order: "changes nothing" is checked against it. */
export const dumpTable = async (rt: LocalRuntime): Promise<string> => {
  const scan = await rt.dynamo.send(new ScanCommand({ TableName: rt.tableName, ConsistentRead: true }));
  return JSON.stringify((scan.Items ?? []).map((i) => JSON.stringify(i)).sort());
};

/**
 * A record as a webhook delivers it: a self-monitoring failure (PMT_SELF_MONITORING) of 2026-05-20 at the
 * first site of enterprise `enterpriseId`, reported by the Ordos (150600) bureau; `over` changes any field.
 */
export const selfMonitoringRecord = (enterpriseId: string, eventId: string, over: Record<string, unknown> = {}) => ({
  eventId,
  subject: { kind: 'enterprise', id: enterpriseId, siteId: `${enterpriseId}001P` },
  rule: 'PMT_SELF_MONITORING',
  occurredOn: '2026-05-20',
  department: '150600-EEB',
  league: '150600',
  ...over,
});
