import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoRepairApplications } from '../../../functions/adapters/dynamoRepairs.ts';
import type { RepairApplication } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let repairs: DynamoRepairApplications;
beforeAll(async () => {
  const fresh = await freshTable('repairs');
  client = fresh.client;
  repairs = new DynamoRepairApplications(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const subject = { kind: 'enterprise' as const, id: uscc(81) };
const application = (id: string, version: number, status: RepairApplication['status']): RepairApplication => ({
  id,
  subject,
  eventId: 'E-1',
  appliedOn: '2026-03-02',
  evidence: '整改完成',
  impactEliminated: true,
  verifyBy: { on: '2026-03-30', at: '2026-03-30T16:00:00Z', provisional: false },
  status,
  overdue: false,
  decidedOn: null,
  decidedBy: null,
  reason: null,
  version,
});
const audit = { subject, at: '2026-03-02T00:00:00Z', actor: 'test', action: 'repair.applied', what: {}, why: null };

describe('repair applications (Art 23)', () => {
  it('decides an application only over the version read, and lists the subject’s applications', async () => {
    expect(await repairs.putRepairApplication(application('R-1', 1, 'pending'), null, audit)).toBe(true);
    expect(await repairs.putRepairApplication(application('R-2', 1, 'pending'), null, audit)).toBe(true);
    expect(await repairs.putRepairApplication(application('R-1', 2, 'approved'), 1, audit)).toBe(true);
    expect(await repairs.putRepairApplication(application('R-1', 2, 'rejected'), 1, audit)).toBe(false);
    const listed = await repairs.repairApplications(subject);
    expect(listed.map((a) => [a.id, a.status]).sort()).toEqual([
      ['R-1', 'approved'],
      ['R-2', 'pending'],
    ]);
    expect(await repairs.repairApplications({ kind: 'enterprise', id: uscc(82) })).toEqual([]);
  });
});
