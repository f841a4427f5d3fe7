import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoWarnings } from '../../../functions/adapters/dynamoWarnings.ts';
import type { CreditWarningDocument } from '../../../functions/ports/warnings.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let warnings: DynamoWarnings;
let destroy: () => void;
const subject = { kind: 'enterprise' as const, id: uscc(981, '150600') };
const doc = (eventId: string, deadline: string, league = '150600'): CreditWarningDocument => ({
  eventId,
  subject,
  subjectName: '测试有限公司',
  league,
  origin: 'bureau',
  rule: 'PMT_SELF_MONITORING',
  occurredOn: '2026-08-20',
  description: '发现的问题',
  rectificationRequired: '整改要求',
  issuedOn: '2026-09-01',
  deadline,
  status: 'open',
  rectifiedOn: null,
  reports: [],
  decisions: [],
  issuedBy: 'staff:league:150600',
  version: 1,
});
const audit = {
  subject,
  at: '2026-09-01T02:00:00.000Z',
  actor: 'staff:league:150600',
  action: 'warning.issued',
  what: {},
  why: null,
};

beforeAll(async () => {
  const fresh = await freshTable('warnings');
  destroy = () => fresh.client.destroy();
  warnings = new DynamoWarnings(documentClient(fresh.client), fresh.table);
});
afterAll(() => destroy?.());

describe('credit warnings on DynamoDB', () => {
  it('writes a document once, then only on its version', async () => {
    expect(await warnings.putWarning(doc('W-1', '2026-09-30'), null, audit)).toBe(true);
    expect(await warnings.putWarning(doc('W-1', '2026-09-30'), null, audit)).toBe(false);
    const next = { ...doc('W-1', '2026-09-30'), status: 'reported' as const, version: 2 };
    expect(await warnings.putWarning(next, 5, audit)).toBe(false);
    expect(await warnings.putWarning(next, 1, audit)).toBe(true);
    expect((await warnings.warning(subject, 'W-1'))?.status).toBe('reported');
  });

  it('lists a subject’s warnings and a league’s by deadline, earliest first', async () => {
    await warnings.putWarning(doc('W-2', '2026-09-10'), null, audit);
    await warnings.putWarning(doc('W-3', '2026-09-20', '150100'), null, audit);
    expect((await warnings.warningsOf(subject)).map((w) => w.eventId).sort()).toEqual(['W-1', 'W-2', 'W-3']);
    expect((await warnings.warningsIssuedBy('150600')).map((w) => w.eventId)).toEqual(['W-2', 'W-1']);
    expect((await warnings.warningsIssuedBy('150100')).map((w) => w.eventId)).toEqual(['W-3']);
  });
});
