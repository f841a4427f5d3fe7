import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../../../functions/adapters/dynamoParticipants.ts';
import { DynamoProfiles } from '../../../../../functions/adapters/dynamoProfiles.ts';
import { DynamoVoluntary } from '../../../../../functions/adapters/dynamoVoluntary.ts';
import { ParticipantLists } from '../../../../../functions/participants/participantLists.ts';
import { RegisterListed } from '../../../../../functions/participants/registerListed.ts';
import type { VoluntaryApplication } from '../../../../../functions/ports/voluntary.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { VoluntaryDecisions } from '../../../../../functions/web/console/participants/voluntaryDecisions.ts';
import { uscc } from '../../../../support/builders.ts';
import { type FreshRecordQueue, freshRecordQueue } from '../../../../support/recordQueue.ts';
import { freshTable } from '../../../../support/table.ts';

/** The league bureau's decisions on applications to take part of one's own accord (Art 6(8)). */
let client: DynamoDBClient;
let records: FreshRecordQueue;
let store: DynamoVoluntary;
let participants: DynamoParticipants;
let decisions: VoluntaryDecisions;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const baotou = { type: 'staff' as const, claims: { role: 'league' as const, league: '150200' } };
const list = { year: 2025, kind: 'enterprise' as const, league: '150600' as const };
const application = (n: number): VoluntaryApplication => ({
  ...list,
  code: uscc(n, '150600'),
  name: `企业${n}`,
  status: 'pending',
  appliedAt: '2026-11-19T00:00:00.000Z',
  reason: null,
  decidedBy: null,
  decidedAt: null,
});

beforeAll(async () => {
  const fresh = await freshTable('voluntary-decisions');
  client = fresh.client;
  const doc = documentClient(client);
  store = new DynamoVoluntary(doc, fresh.table);
  participants = new DynamoParticipants(doc, fresh.table);
  records = await freshRecordQueue('voluntary-decisions');
  const register = new RegisterListed(new DynamoProfiles(doc, fresh.table), records.queue);
  const lists = new ParticipantLists(participants, new DynamoCycleStore(client, fresh.table), clock, register);
  decisions = new VoluntaryDecisions(store, lists, clock);
  for (const n of [1, 2, 3]) await store.apply(application(n));
});
afterAll(() => {
  client?.destroy();
  records?.destroy();
});

describe('deciding applications to take part of one own accord (Art 6(8))', () => {
  it('is the league bureau’s (or the region’s) to do (Art 8)', async () => {
    expect(await decisions.pending(baotou, list)).toEqual({ status: 'forbidden' });
    expect(await decisions.accept(baotou, list, uscc(1, '150600'), '')).toEqual({ status: 'forbidden' });
    expect(await decisions.decline({ type: 'public' }, list, uscc(1, '150600'), '理由')).toMatchObject({
      status: 'unauthorized',
    });
    const pending = await decisions.pending(ordos, list);
    expect(pending.status === 'ok' && pending.value.map((a) => a.code)).toEqual(
      [1, 2, 3].map((n) => uscc(n, '150600')),
    );
  });

  it('accepting adds the unit on item (八) through the audited list, once', async () => {
    const out = await decisions.accept(ordos, list, uscc(1, '150600'), '');
    expect(out).toMatchObject({ status: 'ok', value: { status: 'accepted', decidedBy: 'staff:league:150600' } });
    expect(await participants.participants(list)).toEqual([
      expect.objectContaining({ code: uscc(1, '150600'), name: '企业1', basis: '6.8', league: '150600' }),
    ]);
    expect(await participants.auditOfList(list)).toEqual([
      expect.objectContaining({
        action: 'participant.added',
        what: expect.objectContaining({ code: uscc(1, '150600') }),
      }),
    ]);
    expect(await decisions.accept(ordos, list, uscc(1, '150600'), '')).toMatchObject({
      status: 'conflict',
      code: 'VOLUNTARY_DECIDED',
    });
    expect(await decisions.accept(ordos, list, uscc(9, '150600'), '')).toEqual({ status: 'notFound' });
  });

  it('declining needs a reason; without one nothing changes', async () => {
    const refused = await decisions.decline(ordos, list, uscc(2, '150600'), '  ');
    expect(refused).toMatchObject({
      status: 'invalid',
      issues: [{ path: '不予接受理由', message: '不予接受须填写理由' }],
    });
    expect(await store.application(list, uscc(2, '150600'))).toMatchObject({ status: 'pending' });
    const out = await decisions.decline(ordos, list, uscc(2, '150600'), '不属于自愿参加情形');
    expect(out).toMatchObject({ status: 'ok', value: { status: 'declined', reason: '不属于自愿参加情形' } });
    expect(await store.application(list, uscc(2, '150600'))).toMatchObject({
      status: 'declined',
      reason: '不属于自愿参加情形',
      decidedAt: '2026-11-20T02:00:00.000Z',
    });
    expect((await participants.participants(list)).map((e) => e.code)).not.toContain(uscc(2, '150600'));
    const pending = await decisions.pending(ordos, list);
    expect(pending.status === 'ok' && pending.value.map((a) => a.code)).toEqual([uscc(3, '150600')]);
  });

  it('accepts an agency onto its list with the Annex 2 categories it applied with', async () => {
    const agencies = { ...list, kind: 'agency' as const };
    await store.apply({ ...application(4), kind: 'agency', name: '机构4', categories: ['eia'] });
    const out = await decisions.accept(ordos, agencies, uscc(4, '150600'), '');
    expect(out).toMatchObject({ status: 'ok', value: { status: 'accepted' } });
    expect(await participants.participants(agencies)).toEqual([
      expect.objectContaining({ kind: 'agency', code: uscc(4, '150600'), basis: '6.8', categories: ['eia'] }),
    ]);
  });
});
