import type { RecordMessage } from '../ports/messages.ts';
import type { EventClaim } from '../ports/store.ts';
import { backoffMs, type DeliveryOutcome, type DeliveryPorts, isStale, WAIT_FOR_OTHER_MS } from './delivery.ts';

export interface LifecycleChange {
  readonly eventId: string;
  readonly field: 'rectifiedOn' | 'revokedOn';
  readonly on: string;
  readonly reason: string | null;
  readonly source: string;
  readonly receivedAt: string;
}

/**
 * A record's rectification or revocation (docs/api.md §2): claimed once in the record's claim, with
 * the message that applies it, then enqueued. Only the record's own source may send it.
 */
export async function acceptLifecycle(ports: DeliveryPorts, change: LifecycleChange): Promise<DeliveryOutcome> {
  const { eventId, field, on, reason, source, receivedAt } = change;
  const { store } = ports;
  const before = await committedClaim(ports, eventId);
  if (before === 'busy') return { status: 'busy', eventIds: [eventId] };
  if (!before) return { status: 'unknownEvent', eventId };
  // Only the platform that reported a record may rectify or revoke it; a refusal is audited.
  if (before.source !== source) {
    await store.auditRefusal({
      subject: before.subject,
      at: receivedAt,
      actor: `webhook:${source}`,
      action: `${field === 'rectifiedOn' ? 'record.rectified' : 'record.revoked'}.refused`,
      what: { eventId, [field]: on, recordSource: before.source },
      why: '仅报送该记录的执法平台可以更正或撤销该记录',
    });
    return { status: 'forbidden', eventId };
  }
  if (on < before.occurredOn)
    return {
      status: 'invalid',
      issues: [{ path: 'on', message: `日期不能早于记录的发生日期（${before.occurredOn}）` }],
    };
  const message: RecordMessage =
    field === 'rectifiedOn'
      ? { type: 'record.rectified', eventId, subject: before.subject, on, source, receivedAt }
      : { type: 'record.revoked', eventId, subject: before.subject, on, reason, source, receivedAt };
  const claimed = await store.claimLifecycle(eventId, field, on, { message, at: receivedAt });
  if (claimed.outcome === 'unknown') return { status: 'unknownEvent', eventId };
  if (claimed.outcome === 'conflict') return { status: 'conflict', eventIds: [eventId] };
  if (claimed.outcome === 'claimed') {
    await ports.enqueue([message]);
    return { status: 'accepted', accepted: 1, duplicates: 0 };
  }
  // A duplicate: sent again only if its first message has not been applied yet.
  const entry = await store.outboxMessage({ eventId, entry: field });
  if (entry && !entry.applied && !entry.stuck && entry.message) await ports.enqueue([entry.message]);
  return { status: 'accepted', accepted: 0, duplicates: 1 };
}

/** The claim as committed, waiting a little for a creation still in progress. */
async function committedClaim(ports: DeliveryPorts, eventId: string): Promise<EventClaim | null | 'busy'> {
  const { store, clock } = ports;
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (let round = 0; ; round++) {
    const c = (await store.getClaims([eventId])).get(eventId);
    if (!c) return null;
    if (!c.inDoubt) return c;
    if (isStale(c.inDoubt, clock))
      await store.settleReservation(eventId, c.inDoubt.delivery, clock.now().toISOString());
    else if (Date.now() > deadline) return 'busy';
    else await ports.sleep(backoffMs(round));
  }
}
