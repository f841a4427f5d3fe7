import { randomUUID } from 'node:crypto';
import { sign } from '../shared/webhookSignature.ts';

/**
 * A signed webhook delivery (Standard Webhooks), as an enforcement platform sends it. The timestamp
 * is the service's own time: locally that is its movable clock (GET /v1/dev/clock), so signing
 * and the service's five-minute check agree even after the clock was moved.
 */
export const postSigned = async (
  base: string,
  source: string,
  secret: string,
  body: unknown,
  nowSeconds: number,
  id = `msg_${randomUUID()}`,
): Promise<{ status: number; text: string }> => {
  const raw = JSON.stringify(body);
  const res = await fetch(`${base}/v1/webhooks/${encodeURIComponent(source)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(nowSeconds),
      'webhook-signature': sign(secret, id, nowSeconds, raw),
    },
    body: raw,
  });
  return { status: res.status, text: await res.text() };
};

/**
 * The service's clock as a function of ours: the local service's dev clock when it has one
 * (it may have been moved), else the real time (a deployed service has no dev routes).
 */
export const serviceClock = async (base: string): Promise<() => number> => {
  const res = await fetch(`${base}/v1/dev/clock`);
  let body: { now?: unknown } | null = null;
  if (res.ok) body = (await res.json().catch(() => null)) as { now?: unknown } | null;
  else await res.body?.cancel();
  const serverMs = typeof body?.now === 'string' ? Date.parse(body.now) : Number.NaN;
  const offset = Number.isNaN(serverMs) ? 0 : serverMs - Date.now();
  return () => Math.floor((Date.now() + offset) / 1000);
};
