import * as z from 'zod/mini';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import { legalDate } from '../../domain/records/legalDate.ts';

/**
 * Messages on the records queue. `record.created` carries the record as validated at the webhook
 * (the domain's shape); lifecycle messages carry the subject found from the eventId claim;
 * `subject.reevaluate` is a knock-on (I4 clients, Annex 2 staff) or a nightly rescoring.
 */
const subjectRef = z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() });

export const recordMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('record.created'),
    record: z.custom<CreditRecord>((v) => typeof v === 'object' && v !== null && 'eventId' in v),
    contentHash: z.string(),
    source: z.string(),
    receivedAt: z.string(),
  }),
  z.object({
    type: z.literal('record.rectified'),
    eventId: z.string(),
    subject: subjectRef,
    on: legalDate('整改完成日期'),
    source: z.string(),
    receivedAt: z.string(),
  }),
  z.object({
    type: z.literal('record.revoked'),
    eventId: z.string(),
    subject: subjectRef,
    on: legalDate('撤销日期'),
    reason: z.nullable(z.string()),
    source: z.string(),
    receivedAt: z.string(),
  }),
  z.object({
    type: z.literal('record.repaired'),
    eventId: z.string(),
    subject: subjectRef,
    on: legalDate('信用修复日期'),
    source: z.string(),
    receivedAt: z.string(),
  }),
  z.object({
    type: z.literal('subject.reevaluate'),
    subject: subjectRef,
    cause: z.string(),
  }),
]);

export type RecordMessage = z.infer<typeof recordMessageSchema>;

export const messageSubject = (m: RecordMessage) =>
  m.type === 'record.created' ? { kind: m.record.subject.kind, id: m.record.subject.id } : m.subject;

/** SQS FIFO group: one subject's messages (ordering is still never relied on). */
export const messageGroupId = (m: RecordMessage): string => {
  const s = messageSubject(m);
  return `${s.kind}:${s.id}`;
};

/** SQS FIFO deduplication id (≤ 128 characters). */
export const messageDeduplicationId = (m: RecordMessage, hash: (s: string) => string): string => {
  switch (m.type) {
    case 'record.created':
      return m.record.eventId;
    case 'record.rectified':
      return hash(`rectified:${m.eventId}:${m.on}`);
    case 'record.revoked':
      return hash(`revoked:${m.eventId}:${m.on}`);
    case 'record.repaired':
      return hash(`repaired:${m.eventId}:${m.on}`);
    case 'subject.reevaluate':
      return hash(`reevaluate:${m.subject.kind}:${m.subject.id}:${m.cause}`);
  }
};

/**
 * The records queue's wire form: a message alone, or the messages of one subject sent at the same
 * time together in one SQS message (`subject.batch`). A delivery's records of one subject then reach
 * the worker in one receive and are applied with one read and one transaction, where a FIFO receive
 * of ten messages would split them over several (docs/ingestion.md "The records queue's messages").
 * A batch's members are checked one by one (`recordMessageSchema`), so that one bad member fails alone.
 */
export const subjectBatchSchema = z.object({ type: z.literal('subject.batch'), messages: z.array(z.unknown()) });

/** The members of a records-queue body, each still to be checked: a subject's batch's messages, or the body itself. */
export const queuedMembersOf = (body: unknown): readonly unknown[] => {
  const batch = subjectBatchSchema.safeParse(body);
  return batch.success ? batch.data.messages : [body];
};

/** A batch of subjects for the nightly rescoring (the planner sends it, the rescore worker takes it). */
export const rescoreMessageSchema = z.object({
  type: z.literal('rescore'),
  runId: z.string(),
  subjects: z.array(z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() })),
});
export type RescoreMessage = z.infer<typeof rescoreMessageSchema>;

/** A batch of subjects whose final result of a year is published (Art 16(6), 17(8)). */
export const publishMessageSchema = z.object({
  type: z.literal('publish'),
  /** Practitioners' messages only freeze (Art 18(5)); they are never published (Art 18(6)). */
  kind: z.enum(['enterprise', 'agency', 'practitioner']),
  year: z.number(),
  publishedOn: z.string(),
  subjects: z.array(z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() })),
  /** Freezes the year's final results on that day (复核审定) instead of publishing them. */
  freeze: z.optional(z.literal(true)),
});
