import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoRepairQueue } from '../../../functions/adapters/dynamoRepairQueue.ts';
import { DynamoRepairApplications } from '../../../functions/adapters/dynamoRepairs.ts';
import type { RepairApplication, SubjectRef } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let repairs: DynamoRepairApplications;
let queue: DynamoRepairQueue;
beforeAll(async () => {
  const fresh = await freshTable('repair-queue');
  client = fresh.client;
  repairs = new DynamoRepairApplications(documentClient(client), fresh.table);
  queue = new DynamoRepairQueue(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const application = (
  id: string,
  subject: SubjectRef,
  verifyAt: string,
  over: Partial<RepairApplication> = {},
): RepairApplication => ({
  id,
  subject,
  eventId: `E-${id}`,
  appliedOn: '2026-03-02',
  evidence: '整改完成',
  impactEliminated: true,
  verifyBy: { on: verifyAt.slice(0, 10), at: verifyAt, provisional: false },
  status: 'pending',
  overdue: false,
  decidedOn: null,
  decidedBy: null,
  reason: null,
  version: 1,
  ...over,
});
const audit = (subject: SubjectRef) => ({
  subject,
  at: '2026-03-02T00:00:00Z',
  actor: 'test',
  action: 'repair.applied',
  what: {},
  why: null,
});

describe('the queue of repair applications waiting for verification (Art 23 ¶2)', () => {
  it('lists every pending application, overdue ones too, soonest limit first, and drops a decided one', async () => {
    const a = { kind: 'enterprise' as const, id: uscc(91) };
    const b = { kind: 'agency' as const, id: uscc(92) };
    const late = application('Q-1', a, '2026-04-20T15:59:59Z');
    const soon = application('Q-2', b, '2026-03-30T15:59:59Z');
    const decided = application('Q-3', a, '2026-03-25T15:59:59Z');
    for (const app of [late, soon, decided])
      expect(await repairs.putRepairApplication(app, null, audit(app.subject))).toBe(true);
    expect((await queue.pendingApplications()).map((x) => x.id)).toEqual(['Q-3', 'Q-2', 'Q-1']);

    // The verification limit passed: still pending, still in the queue (unlike the due index).
    expect(await repairs.putRepairApplication({ ...soon, overdue: true, version: 2 }, 1, audit(b))).toBe(true);
    const approved = { ...decided, status: 'approved' as const, decidedOn: '2026-03-10', version: 2 };
    expect(await repairs.putRepairApplication(approved, 1, audit(a))).toBe(true);
    const pending = await queue.pendingApplications();
    expect(pending.map((x) => x.id)).toEqual(['Q-2', 'Q-1']);
    expect(pending[0]).toMatchObject({ overdue: true, subject: b });
  });
});
