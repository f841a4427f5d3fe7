import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Objection } from '../../../domain/objections/objection.ts';
import { DynamoAuditLog } from '../../../functions/adapters/dynamoAudit.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoObjections } from '../../../functions/adapters/dynamoObjections.ts';
import { DynamoSubjectRecords } from '../../../functions/adapters/dynamoSubjects.ts';
import type { AuditEntry } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let store: DynamoObjections;
let audit: DynamoAuditLog;
let records: DynamoSubjectRecords;
beforeAll(async () => {
  let table: string;
  ({ client, table } = await freshTable('objections'));
  store = new DynamoObjections(documentClient(client), table);
  audit = new DynamoAuditLog(documentClient(client), table);
  records = new DynamoSubjectRecords(documentClient(client), table);
});
afterAll(() => client?.destroy());

const subject = (n: number) => ({ kind: 'agency' as const, id: uscc(n, '150600') });
const objection = (n: number, over: Partial<Objection> = {}): Objection => ({
  id: `agency-${subject(n).id}-2025-${String(n).padStart(12, '0')}`,
  kind: 'confirmation',
  cycle: { year: 2025, kind: 'agency' },
  league: '150600',
  subject: subject(n),
  subjectName: `机构${n}`,
  records: ['R-1'],
  preGrade: false,
  reasons: '有误',
  evidenceFiles: [],
  filedAt: `2026-04-0${n % 9}T02:00:00.000Z`,
  filedOn: `2026-04-0${n % 9}`,
  filedBy: `staff:agency:${subject(n).id}`,
  windowClosesOn: '2026-04-09',
  status: 'open',
  reviews: [],
  reviewedAt: null,
  reviewedBy: null,
  ...over,
});
const entry = (o: Objection, action: string, at = o.filedAt): AuditEntry => ({
  subject: o.subject,
  at,
  actor: o.filedBy,
  action,
  what: { objectionId: o.id },
  why: null,
});

describe('DynamoObjections', () => {
  it('stores an objection once, with its audit entry; a second filing changes nothing', async () => {
    const o = objection(1);
    expect(await store.file(o, entry(o, 'objection.filed'))).toBe('filed');
    expect(await store.file({ ...o, reasons: '别的' }, entry(o, 'objection.filed'))).toBe('exists');
    expect((await store.objection(o.subject, o.id))?.reasons).toBe('有误');
    expect((await audit.auditOf(o.subject)).map((e) => e.action)).toEqual(['objection.filed']);
    // The subject's partition still loads (the objection is not a record).
    expect((await records.loadSubject(o.subject)).records).toEqual([]);
  });

  it('replaces an objection by its review only while it is open', async () => {
    const o = objection(2);
    await store.file(o, entry(o, 'objection.filed'));
    const done: Objection = {
      ...o,
      status: 'reviewed',
      reviews: [{ target: 'R-1', outcome: 'upheld', reasons: '维持' }],
    };
    expect(await store.review(done, entry(o, 'objection.reviewed', '2026-04-09T02:00:00.000Z'))).toBe(true);
    expect(await store.review(done, entry(o, 'objection.reviewed', '2026-04-09T03:00:00.000Z'))).toBe(false);
    expect((await store.objection(o.subject, o.id))?.status).toBe('reviewed');
    expect((await audit.auditOf(o.subject)).map((e) => e.action)).toEqual(['objection.filed', 'objection.reviewed']);
  });

  it('lists a league’s objections by cycle, and a subject’s own', async () => {
    const other = objection(3, { cycle: { year: 2024, kind: 'agency' } });
    const elsewhere = objection(4, { league: '150100' });
    await store.file(other, entry(other, 'objection.filed'));
    await store.file(elsewhere, entry(elsewhere, 'objection.filed'));
    const ordos2025 = await store.objectionsOf('150600', { year: 2025, kind: 'agency' });
    expect(ordos2025.map((o) => o.id).sort()).toEqual([objection(1).id, objection(2).id].sort());
    expect((await store.objectionsOf('150600')).length).toBe(3);
    expect((await store.objectionsOf('150100')).map((o) => o.id)).toEqual([elsewhere.id]);
    expect((await store.objectionsOfSubject(subject(3))).map((o) => o.id)).toEqual([other.id]);
  });

  it('keeps a participant’s confirmation once', async () => {
    const c = {
      subject: subject(5),
      year: 2025,
      kind: 'agency' as const,
      league: '150600' as const,
      confirmedAt: '2026-04-02T02:00:00.000Z',
      confirmedBy: `staff:agency:${subject(5).id}`,
    };
    const a = {
      subject: c.subject,
      at: c.confirmedAt,
      actor: c.confirmedBy,
      action: 'records.confirmed',
      what: {},
      why: null,
    };
    expect(await store.confirmation(c.subject, 2025, 'agency')).toBeNull();
    expect(await store.confirm(c, a)).toBe('confirmed');
    expect(await store.confirm({ ...c, confirmedAt: '2026-04-03T02:00:00.000Z' }, a)).toBe('exists');
    expect((await store.confirmation(c.subject, 2025, 'agency'))?.confirmedAt).toBe(c.confirmedAt);
  });
});
