import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../../../functions/adapters/dynamoDocument.ts';
import { DynamoRepairQueue } from '../../../../../functions/adapters/dynamoRepairQueue.ts';
import { DynamoCreditStore } from '../../../../../functions/adapters/dynamoStore.ts';
import { DynamoSubjectListing } from '../../../../../functions/adapters/dynamoSubjectListing.ts';
import { joinPorts } from '../../../../../functions/composition/joinPorts.ts';
import type { RepairApplication, SubjectRef } from '../../../../../functions/ports/store.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { ListRepairQueue } from '../../../../../functions/web/console/subjects/repairQueue.ts';
import { enterprise, uscc } from '../../../../support/builders.ts';
import { registerProfile } from '../../../../support/store.ts';
import { freshTable } from '../../../../support/table.ts';

/** The repair queue (Art 23 ¶2): pending applications the caller may decide, with the working days left. */
let client: DynamoDBClient;
let queue: ListRepairQueue;
const clock = new AdjustableClock();
// Monday 2026-06-01, 10:00 in Beijing.
clock.freeze(new Date('2026-06-01T02:00:00Z'));
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const OWN = enterprise({ id: uscc(701, '150600'), name: '鄂尔多斯市队列化工有限公司', league: '150600' });
const OTHER = enterprise({ id: uscc(702, '150100'), name: '呼和浩特市队列化工有限公司', league: '150100' });

const application = (id: string, subject: SubjectRef, on: string): RepairApplication => ({
  id,
  subject,
  eventId: `E-${id}`,
  appliedOn: '2026-05-01',
  evidence: '整改完成',
  impactEliminated: true,
  verifyBy: { on, at: `${on}T15:59:59Z`, provisional: false },
  status: 'pending',
  overdue: false,
  decidedOn: null,
  decidedBy: null,
  reason: null,
  version: 1,
});

beforeAll(async () => {
  const fresh = await freshTable('repair-queue-page');
  client = fresh.client;
  const store = new DynamoCreditStore(client, fresh.table);
  const doc = documentClient(client);
  queue = new ListRepairQueue(
    joinPorts(new DynamoRepairQueue(doc, fresh.table), new DynamoSubjectListing(doc, fresh.table)),
    new DynamoCycleStore(client, fresh.table),
    clock,
  );
  for (const s of [OWN, OTHER]) await registerProfile(store, s, '2026-01-05T00:00:00Z');
  const own = { kind: 'enterprise' as const, id: OWN.id };
  const other = { kind: 'enterprise' as const, id: OTHER.id };
  for (const app of [
    application('Q-FRI', own, '2026-06-05'),
    application('Q-LATE', own, '2026-05-28'),
    application('Q-OTHER', other, '2026-06-10'),
  ])
    await store.putRepairApplication(app, null, {
      subject: app.subject,
      at: '2026-05-01T00:00:00Z',
      actor: 'test',
      action: 'repair.applied',
      what: {},
      why: null,
    });
});
afterAll(() => client?.destroy());

describe('the repair queue', () => {
  it('gives a league bureau its league’s applications, overdue first, with working days left or past', async () => {
    const out = await queue.execute(ordos);
    expect(out.status).toBe('ok');
    const rows = (out as { value: { application: RepairApplication; workingDaysLeft: number; name: string }[] }).value;
    expect(rows.map((r) => [r.application.id, r.workingDaysLeft, r.name])).toEqual([
      // Thursday 05-28 is two working days behind Monday 06-01 (Friday, Monday).
      ['Q-LATE', -2, OWN.name],
      // Friday 06-05: Tuesday to Friday.
      ['Q-FRI', 4, OWN.name],
    ]);
  });

  it('gives the region every league’s, and refuses those who may not decide', async () => {
    const out = await queue.execute(region);
    expect((out as { value: { application: RepairApplication }[] }).value.map((r) => r.application.id)).toEqual([
      'Q-LATE',
      'Q-FRI',
      'Q-OTHER',
    ]);
    expect((await queue.execute({ type: 'staff', claims: { role: 'enterprise', subject: OWN.id } })).status).toBe(
      'forbidden',
    );
    expect((await queue.execute({ type: 'public' })).status).toBe('unauthorized');
  });
});
