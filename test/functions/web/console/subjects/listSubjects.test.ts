import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEnterprise } from '../../../../../domain/evaluation/evaluateSubject.ts';
import type { Objection } from '../../../../../domain/objections/objection.ts';
import { documentClient } from '../../../../../functions/adapters/dynamoDocument.ts';
import { DynamoObjections } from '../../../../../functions/adapters/dynamoObjections.ts';
import { DynamoCreditStore } from '../../../../../functions/adapters/dynamoStore.ts';
import { DynamoSubjectListing } from '../../../../../functions/adapters/dynamoSubjectListing.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { ListSubjects, PAGE_SIZE } from '../../../../../functions/web/console/subjects/listSubjects.ts';
import { context, enterprise, practitioner, record, uscc } from '../../../../support/builders.ts';
import { registerProfile } from '../../../../support/store.ts';
import { freshTable } from '../../../../support/table.ts';

/** The console's list of subjects: the caller's jurisdiction only, filters, pages, the whole list for export. */
let client: DynamoDBClient;
let list: ListSubjects;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-06-01T02:00:00Z'));
const AT = '2026-06-01T00:00:00Z';
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const ORDOS_COUNT = PAGE_SIZE + 3;
const ordosEnterprise = (n: number) =>
  enterprise({ id: uscc(100 + n, '150600'), name: `鄂尔多斯市第${n}号化工有限公司`, league: '150600' });
const HOHHOT = enterprise({ id: uscc(300, '150100'), name: '呼和浩特市邻近化工有限公司', league: '150100' });
const LOOSE = practitioner(7, { employer: null, name: '王五' });

beforeAll(async () => {
  const fresh = await freshTable('list-subjects');
  client = fresh.client;
  const store = new DynamoCreditStore(client, fresh.table);
  const objections = new DynamoObjections(documentClient(client), fresh.table);
  list = new ListSubjects(new DynamoSubjectListing(documentClient(client), fresh.table), clock, objections);
  // Ordos enterprise 1 objects (open), enterprise 2's objection is reviewed (no longer disputed).
  for (const [n, status] of [
    [1, 'open'],
    [2, 'reviewed'],
  ] as const) {
    const e = ordosEnterprise(n);
    const o: Objection = {
      id: `enterprise-${e.id}-2026-00000000000${n}`,
      kind: 'publicity',
      cycle: { year: 2026, kind: 'enterprise' },
      league: '150600',
      subject: { kind: 'enterprise', id: e.id },
      subjectName: e.name,
      records: ['L-0'],
      preGrade: false,
      reasons: '该信用信息已整改',
      evidenceFiles: [],
      filedAt: AT,
      filedOn: '2026-06-01',
      filedBy: `staff:enterprise:${e.id}`,
      windowClosesOn: null,
      status,
      reviews: [],
      reviewedAt: status === 'open' ? null : AT,
      reviewedBy: status === 'open' ? null : 'staff:league:150600',
    };
    await objections.file(o, {
      subject: o.subject,
      at: AT,
      actor: o.filedBy,
      action: 'objection.filed',
      what: {},
      why: null,
    });
  }
  for (let n = 0; n < ORDOS_COUNT; n++) await registerProfile(store, ordosEnterprise(n), AT);
  await registerProfile(store, HOHHOT, AT);
  await registerProfile(store, LOOSE, AT);
  // One Ordos enterprise graded C (−30) in the live year.
  const graded = ordosEnterprise(5);
  const records = [0, 1, 2].map((i) =>
    record({
      rule: 'EIA_UNAPPROVED',
      eventId: `L-${i}`,
      subject: { kind: 'enterprise', id: graded.id },
      league: '150600',
    }),
  );
  const result = evaluateEnterprise(graded, records, context({ year: 2026, asOf: '2026-06-01' }));
  await store.commitSubject({
    subject: { kind: 'enterprise', id: graded.id },
    snapshots: [
      {
        snapshot: {
          year: 2026,
          league: '150600',
          asOf: '2026-06-01',
          stableThrough: '2026-06-01',
          result,
          version: 1,
          computedAt: AT,
        },
        expectedVersion: null,
      },
    ],
    audit: [],
  });
});
afterAll(() => client?.destroy());

const ok = <T>(o: { status: string; value?: T }): T => {
  expect(o.status).toBe('ok');
  return o.value!;
};

describe('listing subjects in the console', () => {
  it('gives a league bureau its own league only, in pages, and every row for the export', async () => {
    const first = ok(await list.execute(ordos, {}));
    expect(first.leagues).toEqual(['150600']);
    expect(first.total).toBe(ORDOS_COUNT);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows.every((r) => r.league === '150600')).toBe(true);
    const second = ok(await list.execute(ordos, { cursor: first.next! }));
    expect(second.rows).toHaveLength(ORDOS_COUNT - PAGE_SIZE);
    expect(second.next).toBeNull();
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.ref.id));
    expect(ids.size).toBe(ORDOS_COUNT);
    expect(ok(await list.execute(ordos, {}, true)).rows).toHaveLength(ORDOS_COUNT);
  });

  it('refuses a league bureau another league’s list, and anyone not signed in', async () => {
    expect(await list.execute(ordos, { league: '150100' })).toEqual({ status: 'forbidden' });
    expect((await list.execute({ type: 'public' }, {})).status).toBe('unauthorized');
  });

  it('gives the region every league, practitioners without a league included', async () => {
    const all = ok(await list.execute(region, {}, true));
    expect(all.total).toBe(ORDOS_COUNT + 2);
    expect(all.rows.some((r) => r.ref.id === HOHHOT.id)).toBe(true);
    expect(all.rows.find((r) => r.ref.id === LOOSE.id)).toMatchObject({ name: '王五', league: null });
  });

  it('filters by name or code, kind and live grade, with the live score of each row', async () => {
    const byName = ok(await list.execute(ordos, { q: '第5号' }));
    expect(byName.rows.map((r) => r.name)).toEqual(['鄂尔多斯市第5号化工有限公司']);
    expect(byName.rows[0]!.head).toMatchObject({ score: 70, grade: 'C' });
    const byCode = ok(await list.execute(region, { q: HOHHOT.id.slice(-6).toLowerCase() }));
    expect(byCode.rows.map((r) => r.ref.id)).toEqual([HOHHOT.id]);
    expect(ok(await list.execute(ordos, { grade: 'C' })).rows.map((r) => r.name)).toEqual([
      '鄂尔多斯市第5号化工有限公司',
    ]);
    expect(ok(await list.execute(ordos, { grade: 'C', year: '2025' })).rows).toEqual([]);
    expect(ok(await list.execute(region, { kind: 'practitioner' })).rows.map((r) => r.ref.id)).toEqual([LOOSE.id]);
  });

  it('names each bad filter in Chinese', async () => {
    const out = await list.execute(region, {
      league: '99',
      kind: 'robot',
      grade: 'E',
      year: '1999',
      q: 'x'.repeat(101),
    });
    expect(out.status).toBe('invalid');
    expect((out as unknown as { issues: { path: string; message: string }[] }).issues.map((i) => i.path)).toEqual([
      'league',
      'kind',
      'grade',
      'q',
      'year',
    ]);
  });

  it('marks the subjects under an open objection (有异议（复核中）), and no others', async () => {
    const rows = ok(await list.execute(ordos, {}, true)).rows;
    const disputed = rows.filter((r) => r.disputed).map((r) => r.ref.id);
    expect(disputed).toEqual([ordosEnterprise(1).id]);
    const regionRows = ok(await list.execute(region, { q: '第1号' })).rows;
    expect(regionRows.map((r) => [r.ref.id, r.disputed])).toEqual([[ordosEnterprise(1).id, true]]);
  });
});
