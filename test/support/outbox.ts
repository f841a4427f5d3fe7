import type { RecordMessage } from '../../functions/ports/messages.ts';
import type { Reservation } from '../../functions/ports/store.ts';
import { record } from './builders.ts';

/**
 * The outbox reservation of a not-yet-applied `record.created` delivery from `nmg-enforcement`: a ledger
 * record (PMT_LEDGER) of 2026-04-01 against enterprise `enterpriseId` in league 150300, with its claim
 * taken at `receivedAt`.
 */
export const pendingReservation = (eventId: string, enterpriseId: string, receivedAt: string): Reservation => {
  const r = record({
    eventId,
    rule: 'PMT_LEDGER',
    subject: { kind: 'enterprise', id: enterpriseId, siteId: null },
    league: '150300',
    department: '150300-EEB',
    occurredOn: '2026-04-01',
  });
  const message: RecordMessage = {
    type: 'record.created',
    record: r,
    contentHash: `hash-${eventId}`,
    source: 'nmg-enforcement',
    receivedAt,
  };
  return {
    claim: {
      eventId,
      subject: { kind: 'enterprise', id: enterpriseId },
      contentHash: `hash-${eventId}`,
      occurredOn: r.occurredOn,
      rectifiedOn: null,
      revokedOn: null,
      applied: false,
      source: 'nmg-enforcement',
      claimedAt: message.receivedAt,
    },
    league: '150300',
    message,
  };
};
