import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signatures (docs/api.md §2): `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "{id}.{timestamp}.{raw body}">`, possibly several space-separated; the secret is `whsec_<base64>`.
 * A timestamp more than 5 minutes from now is refused.
 */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/**
 * Why a delivery's signature is refused; each answers 401 with its own message (WEBHOOK_REFUSALS in
 * http.ts). `bad-secret`: the source's configured secret is not `whsec_<base64>` (an operator's
 * mistake, reported without the secret).
 */
export type SignatureRefusal = 'missing-headers' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature' | 'bad-secret';

/** Every reason a webhook delivery is refused as unauthenticated: a signature refusal or an unregistered source. */
export type WebhookRefusal = SignatureRefusal | 'unknown-source';

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: SignatureRefusal };

const secretBytes = (secret: string): Buffer | null => {
  if (!secret.startsWith('whsec_')) return null;
  const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return bytes.length > 0 ? bytes : null;
};

export const sign = (secret: string, id: string, timestamp: number, body: Buffer | string): string => {
  const key = secretBytes(secret);
  if (!key) throw new RangeError('webhook secret must be whsec_<base64>');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
};

export const verifySignature = (
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  body: Buffer,
  nowSeconds: number,
): SignatureCheck => {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const ts = Number(timestamp);
  if (Math.abs(nowSeconds - ts) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: 'stale-timestamp' };
  if (!secretBytes(secret)) return { ok: false, reason: 'bad-secret' };
  const expected = Buffer.from(sign(secret, id, ts, body).slice(3), 'base64');
  for (const part of signature.split(' ')) {
    const [version, value] = part.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'bad-signature' };
};
