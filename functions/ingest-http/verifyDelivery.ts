import { validate } from '../../domain/validation.ts';
import type { WebhookSecrets } from '../ports/identity.ts';
import type { Clock } from '../shared/clock.ts';
import { verifySignature } from '../shared/webhookSignature.ts';
import { type WebhookBody, webhookBody } from './contracts.ts';
import type { Delivery, DeliveryOutcome } from './delivery.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_HEADER_CHARS = { 'webhook-id': 256, 'webhook-timestamp': 32, 'webhook-signature': 2048 } as const;
export const MAX_SOURCE_CHARS = 64;

export type VerifiedDelivery =
  | { readonly ok: true; readonly body: WebhookBody; readonly receivedAt: string }
  | { readonly ok: false; readonly outcome: DeliveryOutcome };

/**
 * A delivery's bounds, source and signature checked (docs/api.md §2), then its body parsed with the
 * webhook's envelope. `receivedAt` is the moment the signature was checked against.
 */
export async function verifyDelivery(
  delivery: Delivery,
  secrets: WebhookSecrets,
  clock: Clock,
): Promise<VerifiedDelivery> {
  const refuse = (outcome: DeliveryOutcome): VerifiedDelivery => ({ ok: false, outcome });
  if (delivery.body.length > MAX_BODY_BYTES) return refuse({ status: 'tooLarge' });
  const headerIssues = (Object.keys(MAX_HEADER_CHARS) as (keyof typeof MAX_HEADER_CHARS)[])
    .filter(
      (h) =>
        (delivery.headers[h === 'webhook-id' ? 'id' : h === 'webhook-timestamp' ? 'timestamp' : 'signature']?.length ??
          0) > MAX_HEADER_CHARS[h],
    )
    .map((h) => ({ path: `headers.${h}`, message: `请求头 ${h} 不能超过${MAX_HEADER_CHARS[h]}个字符` }));
  if (headerIssues.length > 0) return refuse({ status: 'invalid', issues: headerIssues });
  if (delivery.source.length > MAX_SOURCE_CHARS) return refuse({ status: 'unauthorized', reason: 'unknown-source' });
  const secret = await secrets.secretFor(delivery.source);
  if (!secret) return refuse({ status: 'unauthorized', reason: 'unknown-source' });
  const now = clock.now();
  const signature = verifySignature(secret, delivery.headers, delivery.body, Math.floor(now.getTime() / 1000));
  if (!signature.ok) return refuse({ status: 'unauthorized', reason: signature.reason });

  let raw: unknown;
  try {
    raw = JSON.parse(delivery.body.toString('utf8'));
  } catch {
    return refuse({ status: 'invalid', issues: [{ path: '', message: '请求体不是有效的 JSON' }] });
  }
  const parsed = validate(webhookBody, raw);
  if (!parsed.ok) return refuse({ status: 'invalid', issues: parsed.issues });
  return { ok: true, body: parsed.value, receivedAt: now.toISOString() };
}
