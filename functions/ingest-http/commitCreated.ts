import { randomUUID } from 'node:crypto';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { EventClaim, Reservation } from '../ports/store.ts';
import { backoffMs, type DeliveryOutcome, type DeliveryPorts, isStale, WAIT_FOR_OTHER_MS } from './delivery.ts';
import type { HashedRecord } from './validateRecords.ts';

/**
 * Claims a delivery's validated records all-or-nothing, races included (docs/ingestion.md): its new
 * claims are first *reserved* under a delivery id, in parallel; the delivery then commits with one
 * conditional write. On any conflict the delivery removes its own reservations and nothing is queued.
 * A delivery that meets another's reservation waits for that delivery's outcome rather than answer
 * for something that may still be rolled back. `duplicates` counts those already repeated in the batch.
 */
export async function commitCreated(
  ports: DeliveryPorts,
  byId: ReadonlyMap<string, HashedRecord>,
  duplicatesInBatch: number,
  source: string,
  receivedAt: string,
): Promise<DeliveryOutcome> {
  const { store, clock } = ports;
  const created = (r: HashedRecord) => createdMessage(r.record, r.hash, source, receivedAt);
  const conflicts = new Set<string>();
  let duplicates = duplicatesInBatch;
  const delivery = randomUUID();
  const mine: string[] = [];
  const resend = new Map<string, RecordMessage>();
  let open = [...byId.keys()];
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (let round = 0; open.length > 0; round++) {
    const claims = await store.getClaims(open);
    const waiting: string[] = [];
    const toReserve: Reservation[] = [];
    for (const id of open) {
      const r = byId.get(id)!;
      const c = claims.get(id);
      if (!c) {
        toReserve.push(reservation(r, source, receivedAt));
      } else if (c.inDoubt) {
        if (isStale(c.inDoubt, clock)) {
          // Abandoned by a delivery that died: roll it back (or find it committed) and look again.
          await store.settleReservation(id, c.inDoubt.delivery, clock.now().toISOString());
        }
        waiting.push(id);
      } else if (c.contentHash !== r.hash) conflicts.add(id);
      else {
        duplicates++;
        if (!c.applied) resend.set(id, created(r));
      }
    }
    if (conflicts.size > 0) break;
    const { reserved, blocked } = await store.reserveClaims(delivery, toReserve, receivedAt);
    mine.push(...reserved);
    open = [...waiting, ...blocked];
    if (open.length === 0) break;
    if (Date.now() > deadline) {
      await store.abortDelivery(delivery, mine, clock.now().toISOString());
      return { status: 'busy', eventIds: open };
    }
    await ports.sleep(backoffMs(round));
  }
  if (conflicts.size > 0) {
    if (mine.length > 0) await store.abortDelivery(delivery, mine, clock.now().toISOString());
    return { status: 'conflict', eventIds: [...conflicts] };
  }
  if (mine.length > 0 && !(await store.commitDelivery(delivery, clock.now().toISOString()))) {
    // Rolled back by someone who took us for dead: nothing of ours stands.
    await store.abortDelivery(delivery, mine, clock.now().toISOString()).catch(() => undefined);
    return { status: 'busy', eventIds: mine };
  }
  // Durable now; the enqueue only makes it quick (the sweeper sends whatever is left unapplied).
  await ports.enqueue([...mine.map((id) => created(byId.get(id)!)), ...resend.values()]);
  return { status: 'accepted', accepted: mine.length, duplicates };
}

/** A new claim, carrying the message that applies it (the transactional outbox). */
function reservation({ record, hash }: HashedRecord, source: string, receivedAt: string): Reservation {
  const claim: EventClaim = {
    eventId: record.eventId,
    subject: { kind: record.subject.kind, id: record.subject.id },
    contentHash: hash,
    occurredOn: record.occurredOn,
    rectifiedOn: record.rectifiedOn,
    revokedOn: record.revokedOn,
    applied: false,
    source,
    claimedAt: receivedAt,
  };
  return { claim, league: record.league ?? null, message: createdMessage(record, hash, source, receivedAt) };
}

function createdMessage(record: CreditRecord, contentHash: string, source: string, receivedAt: string): RecordMessage {
  return { type: 'record.created', record, contentHash, source, receivedAt };
}
