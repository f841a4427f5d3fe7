import type { RecordMessage } from '../../functions/ports/messages.ts';
import type { ClaimStore } from '../../functions/ports/store.ts';
import type { record } from './builders.ts';

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
