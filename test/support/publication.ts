import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { expect } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import type { DynamoCreditStore } from '../../functions/adapters/dynamoStore.ts';
import type { ParticipantListRef } from '../../functions/ports/participants.ts';
import type { RepairApplication, SubjectRef } from '../../functions/ports/store.ts';
import { PublishResults } from '../../functions/publication/publishResults.ts';
import { record, uscc } from './builders.ts';
import { deliverRecord, registerEnterprise } from './store.ts';

/** A new FIFO records queue on the shared SQS server; its URL. */
export const freshRecordsQueue = async (sqs: SQSClient): Promise<string> =>
  (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: `records-${randomUUID().slice(0, 8)}.fifo`,
        Attributes: { FifoQueue: 'true' },
      }),
    )
  ).QueueUrl!;

/** Publishes the enterprise results of 2024 on 2025-06-27 for `subjects`; how many were published. */
export const publish2024 = (store: DynamoCreditStore, subjects: SubjectRef[]): Promise<number> =>
  new PublishResults(store).execute({
    type: 'publish',
    kind: 'enterprise',
    year: 2024,
    publishedOn: '2025-06-27',
    subjects,
  });

/**
 * An approved repair application (version 2) applied on 2026-08-20 and decided on 2026-09-01 (Art 23);
 * `over` names the subject, record and decider, and may change any other field.
 */
export const approvedRepair = (
  over: Pick<RepairApplication, 'id' | 'subject' | 'eventId' | 'decidedBy'> & Partial<RepairApplication>,
): RepairApplication => ({
  appliedOn: '2026-08-20',
  evidence: '已整改',
  impactEliminated: true,
  verifyBy: { on: '2026-09-17', at: '2026-09-17T15:59:59.000Z', provisional: false },
  status: 'approved',
  overdue: false,
  decidedOn: '2026-09-01',
  reason: null,
  version: 2,
  ...over,
});

/** Stores a new repair application, audited as `repair.approved` by its decider. */
export const storeApproval = (store: DynamoCreditStore, app: RepairApplication, at: string): Promise<boolean> =>
  store.putRepairApplication(app, null, {
    subject: app.subject,
    at,
    actor: app.decidedBy!,
    action: 'repair.approved',
    what: {},
    why: null,
  });

/**
 * An enterprise (`uscc(n)`) whose 2024 result is published as a direct D (Art 14(2): record `eventId`,
 * rectified within the year), with an approved repair of that record stored at `at` (Art 23 ¶2).
 * The set-up's own steps are asserted as they go.
 */
export const publishedWithApprovedRepair = async (
  store: DynamoCreditStore,
  opts: {
    n: number;
    eventId: string;
    applicationId: string;
    decidedBy: string;
    at: string;
    reissuePending?: boolean;
  },
): Promise<{ subject: { kind: 'enterprise'; id: string }; app: RepairApplication }> => {
  const subject = { kind: 'enterprise' as const, id: uscc(opts.n) };
  await registerEnterprise(store, subject, opts.at);
  const r = record({
    eventId: opts.eventId,
    subject,
    rule: 'SR_EVASION_UNCOMPLIED',
    occurredOn: '2024-05-01',
    rectifiedOn: '2024-08-01',
  });
  expect(await deliverRecord(store, subject, r, '2024-09-01T02:00:00.000Z')).toBe(true);
  expect(await publish2024(store, [subject])).toBe(1);
  const app = approvedRepair({
    id: opts.applicationId,
    subject,
    eventId: r.eventId,
    decidedBy: opts.decidedBy,
    ...(opts.reissuePending === undefined ? {} : { reissuePending: opts.reissuePending }),
  });
  await storeApproval(store, app, opts.at);
  return { subject, app };
};

/**
 * Puts subjects on a league's list of participants of a year (Art 16(1), 17(1)), as the bureau's
 * import does: publication runs over the lists.
 */
export const putOnList = async (
  rt: { readonly dynamo: DynamoDBClient; readonly tableName: string },
  list: ParticipantListRef,
  entries: readonly { readonly code: string; readonly name: string }[],
): Promise<void> => {
  await new DynamoParticipants(documentClient(rt.dynamo), rt.tableName).putParticipants(
    list,
    entries.map((e) => ({
      kind: list.kind,
      code: e.code,
      name: e.name,
      league: list.league,
      basis: list.kind === 'enterprise' ? '6.1' : '6.5',
      sites: [],
      categories: list.kind === 'agency' ? ['monitoring'] : [],
    })),
    {
      at: '2026-01-01T00:00:00.000Z',
      actor: 'staff:league:test',
      action: 'participants.imported',
      what: {},
      why: null,
      afterConfirmation: false,
    },
  );
};
