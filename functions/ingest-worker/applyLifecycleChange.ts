import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { AuditEntry, SubjectCommit, SubjectRef } from '../ports/store.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { Conflict, MessageChange, RecordsById } from './messageChange.ts';

/** A lifecycle message whose record has not been stored yet: retried later (queue order is not relied on). */
export class RecordNotYetStoredError extends EcocreditError {
  override readonly name = 'RecordNotYetStoredError';
}

export type LifecycleMessage = Extract<
  RecordMessage,
  { type: 'record.rectified' | 'record.revoked' | 'record.repaired' }
>;

export const isLifecycleMessage = (m: RecordMessage): m is LifecycleMessage =>
  m.type === 'record.rectified' || m.type === 'record.revoked' || m.type === 'record.repaired';

const FIELD = {
  'record.rectified': 'rectifiedOn',
  'record.revoked': 'revokedOn',
  'record.repaired': 'repairedOn',
} as const;

/**
 * Applies a lifecycle change (rectified, revoked, repaired) to a stored record: its date is set once
 * (a repeated delivery with the same date changes nothing), a conflict when it is already set otherwise.
 */
export const applyLifecycleChange = (
  message: LifecycleMessage,
  records: RecordsById,
  ref: SubjectRef,
  at: string,
): MessageChange | Conflict => {
  const field = FIELD[message.type];
  // A webhook's lifecycle change leaves the outbox with the change itself.
  const lifecycleApplied: SubjectCommit['lifecycleApplied'] =
    field !== 'repairedOn' ? { eventId: message.eventId, field } : undefined;
  const existing = records.get(message.eventId);
  if (!existing) throw new RecordNotYetStoredError(`record ${message.eventId} not stored yet`);
  const current = existing.record[field];
  if (current !== null && current !== message.on)
    return { status: 'conflict', detail: `${field} of ${message.eventId} is ${current}, not ${message.on}` };
  const audit: AuditEntry[] = [];
  let recordUpdate: SubjectCommit['recordUpdate'];
  if (current === null) {
    recordUpdate = { eventId: message.eventId, field, on: message.on };
    const updated: CreditRecord = { ...existing.record, [field]: message.on };
    records.set(message.eventId, { ...existing, record: updated });
    audit.push({
      subject: ref,
      at,
      // A bureau's own change (a repair, an objection's review) names the officer; a platform's, its webhook.
      actor:
        message.type === 'record.repaired' || message.source.startsWith('staff:')
          ? message.source
          : `webhook:${message.source}`,
      action: message.type,
      what: { eventId: message.eventId, [field]: message.on },
      why: message.type === 'record.revoked' ? message.reason : null,
    });
  }
  return { audit, ...(recordUpdate ? { recordUpdate } : {}), ...(lifecycleApplied ? { lifecycleApplied } : {}) };
};
