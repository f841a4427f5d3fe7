import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEnterprise } from '../../../../../domain/evaluation/evaluateSubject.ts';
import { documentClient } from '../../../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../../../functions/adapters/dynamoParticipants.ts';
import { DynamoCreditStore } from '../../../../../functions/adapters/dynamoStore.ts';
import { LookupScore } from '../../../../../functions/lookup/lookupScore.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { ReadSubjectDetail } from '../../../../../functions/web/console/subjects/subjectDetail.ts';
import { context, enterprise, record, uscc } from '../../../../support/builders.ts';
import { deliverRecord, registerProfile } from '../../../../support/store.ts';
import { freshTable } from '../../../../support/table.ts';

/** A subject's console page: live result with its explanation, score history, audit trail, repairs. */
let client: DynamoDBClient;
let detail: ReadSubjectDetail;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-06-01T02:00:00Z'));
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const hohhot = { type: 'staff' as const, claims: { role: 'league' as const, league: '150100' } };
const E = enterprise({ id: uscc(401, '150600'), name: '鄂尔多斯市详情化工有限公司', league: '150600' });
const ref = { kind: 'enterprise' as const, id: E.id };

beforeAll(async () => {
  const fresh = await freshTable('subject-detail');
  client = fresh.client;
  const store = new DynamoCreditStore(client, fresh.table);
  const lookup = new LookupScore(store, clock);
  const lists = new DynamoParticipants(documentClient(client), fresh.table);
  detail = new ReadSubjectDetail(store, (c, q) => lookup.execute(c, q), clock, lists);
  // On the Ordos list of 2025 only (Art 16(1)).
  await lists.putParticipants(
    { year: 2025, kind: 'enterprise', league: '150600' },
    [{ kind: 'enterprise', code: E.id, name: E.name, league: '150600', basis: '6.1', sites: [], categories: [] }],
    {
      at: '2026-01-05T00:00:00Z',
      actor: 'staff:league:150600',
      action: 'participants.imported',
      what: {},
      why: null,
      afterConfirmation: false,
    },
  );
  await registerProfile(store, E, '2026-01-05T00:00:00Z', 'staff:region:150000');
  await store.putProfile(
    {
      subject: { ...E, name: '鄂尔多斯市详情化工股份有限公司' },
      registration: 'registered',
      version: 2,
      updatedAt: '2026-02-01T00:00:00Z',
    },
    1,
    {
      subject: ref,
      at: '2026-02-01T00:00:00Z',
      actor: 'staff:league:150600',
      action: 'subject.updated',
      what: { before: E, after: { ...E, name: '鄂尔多斯市详情化工股份有限公司' } },
      why: '更名',
    },
  );
  const r = record({ rule: 'SUP_CITY', eventId: 'D-1', subject: ref, league: '150600', occurredOn: '2026-03-01' });
  await deliverRecord(store, ref, r, '2026-03-02T00:00:00Z');
  for (const [year, score] of [
    [2023, 880],
    [2024, 960],
  ] as const) {
    const result = evaluateEnterprise(E, [], context({ year, asOf: `${year}-12-31` }));
    await store.putPublished(ref, {
      year,
      grade: score >= 950 ? 'A' : 'B',
      publishedOn: `${year + 1}-05-01`,
      result: { ...result, score: score / 10 },
    });
  }
});
afterAll(() => client?.destroy());

describe('a subject’s page in the console', () => {
  it('Art 16(1): says whether the subject is on its league’s list of the year shown', async () => {
    const listed = await detail.execute(ordos, 'enterprise', E.id, '2025');
    expect(listed.status === 'ok' && listed.value.listed).toEqual({ league: '150600', onList: true });
    const unlisted = await detail.execute(ordos, 'enterprise', E.id, '2026');
    expect(unlisted.status === 'ok' && unlisted.value.listed).toEqual({ league: '150600', onList: false });
  });

  it('shows the live result with its reasons, the published years and the live one, and the audit newest first', async () => {
    const out = await detail.execute(ordos, 'enterprise', E.id);
    expect(out.status).toBe('ok');
    const d = (out as { value: Parameters<typeof Object.keys>[0] & Record<string, any> }).value;
    expect(d.year).toBe(2026);
    expect(d.years).toEqual([2025, 2026]);
    expect(d.result.status).toBe('live');
    expect(d.result.items.map((i: { eventId: string; wording: string }) => [i.eventId, i.wording])).toEqual([
      ['D-1', '被设区市级生态环境局挂牌督办'],
    ]);
    expect(d.history).toEqual([
      { year: 2023, score: 88, grade: 'B', source: 'published' },
      { year: 2024, score: 96, grade: 'A', source: 'published' },
      { year: 2026, score: 98, grade: 'A', source: 'live' },
    ]);
    expect(d.audit.map((e: { action: string }) => e.action)).toEqual(['subject.updated', 'subject.registered']);
    expect(d.audit[0].why).toBe('更名');
    expect(d.profile.version).toBe(2);
  });

  it('refuses another league’s bureau alike whether or not the subject exists', async () => {
    expect(await detail.execute(hohhot, 'enterprise', E.id)).toEqual({ status: 'forbidden' });
    expect(await detail.execute(hohhot, 'enterprise', uscc(499, '150100'))).toEqual({ status: 'forbidden' });
    expect(await detail.execute(region, 'enterprise', uscc(499, '150100'))).toEqual({ status: 'notFound' });
    expect((await detail.execute({ type: 'public' }, 'enterprise', E.id)).status).toBe('unauthorized');
  });

  it('names a bad kind, code or year', async () => {
    const bad = await detail.execute(region, 'robot', 'x');
    expect(bad.status).toBe('invalid');
    const year = await detail.execute(region, 'enterprise', E.id, '2019');
    expect(year).toEqual({ status: 'invalid', issues: [{ path: 'year', message: '年度须为2025或2026' }] });
  });
});
