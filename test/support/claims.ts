import type { RecordMessage } from '../../functions/ports/messages.ts';
import type { ClaimStore, EventClaim, StoredRecord, SubjectRef } from '../../functions/ports/store.ts';
import { record } from './builders.ts';

type TestRecord = ReturnType<typeof record>;

/** The record claimed as the webhook claims it (its content hash: its eventId), not applied yet. */
export const claimAsWebhook = (store: Pick<ClaimStore, 'claimEvent'>, r: TestRecord, at: string) =>
  store.claimEvent({
    eventId: r.eventId,
    subject: { kind: r.subject.kind, id: r.subject.id },
    contentHash: r.eventId,
    occurredOn: r.occurredOn,
    rectifiedOn: null,
    revokedOn: null,
    applied: false,
    source: 'test',
    claimedAt: at,
  });

/** The record's `record.created` message as the webhook queues it. */
export const createdMessage = (r: TestRecord, at: string, hash = r.eventId): RecordMessage => ({
  type: 'record.created',
  record: r,
  contentHash: hash,
  source: 'test',
  receivedAt: at,
});

/** An enterprise's claim of `eventId` (its content hash: its eventId), not applied yet, as of 2026-03-01. */
export const pendingClaim = (subject: SubjectRef, eventId: string): EventClaim => ({
  eventId,
  subject,
  contentHash: eventId,
  occurredOn: '2026-03-01',
  rectifiedOn: null,
  revokedOn: null,
  applied: false,
  source: 'test',
  claimedAt: '2026-03-01T00:00:00Z',
});

/** An enterprise's stored record of `eventId` (a ledger record with no site), as the worker stores it. */
export const storedLedgerRecord = (subject: SubjectRef, eventId: string): StoredRecord => ({
  record: record({ eventId, rule: 'PMT_LEDGER', subject: { kind: 'enterprise', id: subject.id, siteId: null } }),
  contentHash: eventId,
  source: 'test',
  receivedAt: '2026-03-01T00:00:00Z',
});
