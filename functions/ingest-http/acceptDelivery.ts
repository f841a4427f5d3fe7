import type { WebhookSecrets } from '../ports/identity.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { Clock } from '../shared/clock.ts';
import { acceptLifecycle } from './acceptLifecycle.ts';
import { commitCreated } from './commitCreated.ts';
import type { Delivery, DeliveryOutcome, DeliveryPorts } from './delivery.ts';
import { validateRecords } from './validateRecords.ts';
import { verifyDelivery } from './verifyDelivery.ts';

export { MAX_BATCH, MAX_REASON_CHARS } from './contracts.ts';
export { type Delivery, type DeliveryOutcome, STALE_RESERVATION_MS, WAIT_FOR_OTHER_MS } from './delivery.ts';
export { MAX_BODY_BYTES, MAX_HEADER_CHARS, MAX_SOURCE_CHARS } from './verifyDelivery.ts';

/**
 * A delivery from an enforcement platform (docs/api.md §2): verify, validate, claim each eventId, enqueue.
 *
 * 202 means durable (docs/ingestion.md): every claim carries the message that applies it (a
 * transactional outbox), so the answer never waits on the queue and a sweeper re-sends whatever
 * stays unapplied. Created records are claimed all-or-nothing (`commitCreated`); a rectification or
 * revocation is claimed in its record's claim, by the record's own source only (`acceptLifecycle`).
 */
export class AcceptDelivery {
  private readonly ports: DeliveryPorts;

  constructor(
    private readonly secrets: WebhookSecrets,
    store: DeliveryPorts['store'],
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
    /** Told when the enqueue after a commit fails (the sweeper sends it later). */
    private readonly onEnqueueFailure: (err: unknown) => void = () => {},
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.ports = { store, clock, sleep, enqueue: (messages) => this.enqueue(messages) };
  }

  async execute(delivery: Delivery): Promise<DeliveryOutcome> {
    const verified = await verifyDelivery(delivery, this.secrets, this.clock);
    if (!verified.ok) return verified.outcome;
    const { body, receivedAt } = verified;
    const source = delivery.source;
    if (body.type === 'record.rectified' || body.type === 'record.revoked') {
      const field = body.type === 'record.rectified' ? 'rectifiedOn' : 'revokedOn';
      const reason = body.type === 'record.revoked' ? (body.reason ?? null) : null;
      return acceptLifecycle(this.ports, { eventId: body.eventId, field, on: body.on, reason, source, receivedAt });
    }
    const inputs =
      body.type === 'record.created'
        ? [{ raw: body.record, path: 'record' }]
        : body.records.map((r, i) => ({ raw: r, path: `records[${i}]` }));
    const validated = await validateRecords(inputs, this.ports.store);
    if (!validated.ok) return validated.outcome;
    return commitCreated(this.ports, validated.byId, validated.duplicates, source, receivedAt);
  }

  private async enqueue(messages: readonly RecordMessage[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      await this.queue.send(messages);
    } catch (err) {
      this.onEnqueueFailure(err);
    }
  }
}
