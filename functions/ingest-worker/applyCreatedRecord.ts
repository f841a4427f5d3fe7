import type { RecordMessage } from '../ports/messages.ts';
import type { AuditEntry, StoredRecord, SubjectRef } from '../ports/store.ts';
import type { Conflict, MessageChange, RecordsById } from './messageChange.ts';

type Created = Extract<RecordMessage, { type: 'record.created' }>;

/**
 * Applies a created record to its subject's records: stored once (a repeated delivery with the same
 * content changes nothing), a conflict when the eventId is already stored with other content.
 */
export const applyCreatedRecord = (
  message: Created,
  records: RecordsById,
  ref: SubjectRef,
  at: string,
): MessageChange | Conflict => {
  const { record } = message;
  const existing = records.get(record.eventId);
  if (existing && existing.contentHash !== message.contentHash)
    return { status: 'conflict', detail: `eventId ${record.eventId} stored with other content` };
  const audit: AuditEntry[] = [];
  let newRecord: StoredRecord | undefined;
  if (!existing) {
    newRecord = { record, contentHash: message.contentHash, source: message.source, receivedAt: message.receivedAt };
    records.set(record.eventId, newRecord);
    audit.push({
      subject: ref,
      at,
      actor: `webhook:${message.source}`,
      action: 'record.created',
      what: { eventId: record.eventId, rule: record.rule, occurredOn: record.occurredOn },
      why: null,
    });
  }
  return {
    audit,
    eventApplied: record.eventId,
    ...(newRecord ? { newRecord } : {}),
    ...(record.clientEventId ? { reference: { clientEventId: record.clientEventId, eventId: record.eventId } } : {}),
  };
};
