import type { LegalDate } from '../../domain/dates.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { InputIssue } from '../../domain/validation.ts';
import { commitCreated } from '../ingest-http/commitCreated.ts';
import type { DeliveryPorts } from '../ingest-http/delivery.ts';
import { validateRecords } from '../ingest-http/validateRecords.ts';
import type { RecordMessage } from '../ports/messages.ts';

export type Revision =
  | { readonly status: 'done' }
  | { readonly status: 'unknownEvent' }
  | { readonly status: 'invalid'; readonly issues: readonly InputIssue[] }
  | { readonly status: 'conflict' | 'busy' };

/**
 * A bureau's change of a record through the record's own lifecycle, so that the score follows once
 * the worker has applied it: a revocation claimed in the record's claim with its outbox message,
 * exactly as a platform's (docs/ingestion.md), and a new (corrected or supplemented) record claimed
 * through the created-records path. The bureau may change any record of its league (Art 17(3), 18(4)
 * "复核"; Art 17(2), 18(2) "谁补充、谁核实"), so the platform-only check of the webhook does not apply:
 * the use case calling this has authorised the bureau. Repeating a change changes nothing.
 */
export class ReviseRecords {
  constructor(private readonly ports: DeliveryPorts) {}

  /** Revokes the record on `on` with `reason`; already revoked (on any date) counts as done. */
  async revoke(eventId: string, on: LegalDate, reason: string, source: string): Promise<Revision> {
    const { store } = this.ports;
    const claim = (await store.getClaims([eventId])).get(eventId);
    if (!claim || claim.inDoubt) return { status: claim ? 'busy' : 'unknownEvent' };
    if (claim.revokedOn !== null) return this.resend(eventId);
    const receivedAt = this.ports.clock.now().toISOString();
    const at = on < claim.occurredOn ? claim.occurredOn : on;
    const message: RecordMessage = {
      type: 'record.revoked',
      eventId,
      subject: claim.subject,
      on: at,
      reason,
      source,
      receivedAt,
    };
    const claimed = await store.claimLifecycle(eventId, 'revokedOn', at, { message, at: receivedAt });
    if (claimed.outcome === 'unknown') return { status: 'unknownEvent' };
    if (claimed.outcome === 'claimed') {
      await this.ports.enqueue([message]);
      return { status: 'done' };
    }
    return this.resend(eventId);
  }

  /** Sends again a revocation whose message has not been applied yet (a crash after the claim). */
  private async resend(eventId: string): Promise<Revision> {
    const entry = await this.ports.store.outboxMessage({ eventId, entry: 'revokedOn' });
    if (entry && !entry.applied && !entry.stuck && entry.message) await this.ports.enqueue([entry.message]);
    return { status: 'done' };
  }

  /** What the webhook would refuse in a record, naming the fields; nothing is stored. */
  async issuesOf(record: CreditRecord): Promise<readonly InputIssue[]> {
    const validated = await validateRecords([{ raw: record, path: '' }], this.ports.store);
    return validated.ok || validated.outcome.status !== 'invalid' ? [] : validated.outcome.issues;
  }

  /** Creates a record (validated as a webhook's) under `source`; the same record again is a duplicate. */
  async create(record: CreditRecord, source: string): Promise<Revision> {
    const validated = await validateRecords([{ raw: record, path: '' }], this.ports.store);
    if (!validated.ok)
      return validated.outcome.status === 'invalid'
        ? { status: 'invalid', issues: validated.outcome.issues }
        : { status: 'conflict' };
    const outcome = await commitCreated(
      this.ports,
      validated.byId,
      validated.duplicates,
      source,
      this.ports.clock.now().toISOString(),
    );
    if (outcome.status === 'accepted') return { status: 'done' };
    if (outcome.status === 'busy') return { status: 'busy' };
    return { status: 'conflict' };
  }
}
