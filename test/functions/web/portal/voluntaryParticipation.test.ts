import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../functions/adapters/dynamoDocument.ts';
import { DynamoProfiles } from '../../../../functions/adapters/dynamoProfiles.ts';
import { DynamoVoluntary } from '../../../../functions/adapters/dynamoVoluntary.ts';
import { AdjustableClock } from '../../../../functions/shared/clock.ts';
import { VoluntaryParticipation } from '../../../../functions/web/portal/voluntaryParticipation.ts';
import { agency, enterprise, uscc } from '../../../support/builders.ts';
import { freshTable } from '../../../support/table.ts';

/** Applying to take part of one's own accord (Art 6(8)) on DynamoDB Local. */
let client: DynamoDBClient;
let voluntary: VoluntaryParticipation;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const ENT = { kind: 'enterprise' as const, id: uscc(31, '150600') };
const self = { type: 'staff' as const, claims: { role: 'enterprise' as const, subject: ENT.id } };
const AG = { kind: 'agency' as const, id: uscc(34, '150600') };
const agencySelf = { type: 'staff' as const, claims: { role: 'agency' as const, subject: AG.id } };

beforeAll(async () => {
  const fresh = await freshTable('voluntary-participation');
  client = fresh.client;
  const doc = documentClient(client);
  const profiles = new DynamoProfiles(doc, fresh.table);
  await profiles.putProfile(
    {
      subject: enterprise({ id: ENT.id, name: '自愿企业', league: '150600' }),
      registration: 'registered',
      version: 1,
      updatedAt: '2026-01-05T00:00:00Z',
    },
    null,
    { at: '2026-01-05T00:00:00Z', actor: 'test', action: 'subject.registered', subject: ENT, what: {}, why: null },
  );
  await profiles.putProfile(
    {
      subject: agency({ id: AG.id, name: '自愿机构', league: '150600', categories: ['monitoring'] }),
      registration: 'registered',
      version: 1,
      updatedAt: '2026-01-05T00:00:00Z',
    },
    null,
    { at: '2026-01-05T00:00:00Z', actor: 'test', action: 'subject.registered', subject: AG, what: {}, why: null },
  );
  voluntary = new VoluntaryParticipation(profiles, new DynamoVoluntary(doc, fresh.table), clock);
});
afterAll(() => client?.destroy());

describe('applying to take part of one own accord (Art 6(8))', () => {
  it('is the unit’s own act: another unit or a bureau cannot apply for it', async () => {
    const other = { type: 'staff' as const, claims: { role: 'enterprise' as const, subject: uscc(32, '150600') } };
    expect(await voluntary.apply(other, ENT)).toEqual({ status: 'forbidden' });
    const bureau = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
    expect(await voluntary.apply(bureau, ENT)).toEqual({ status: 'forbidden' });
    expect(await voluntary.apply({ type: 'public' }, ENT)).toMatchObject({ status: 'unauthorized' });
  });

  it('applies for the year under way to the league of its profile, and only once while pending', async () => {
    expect(await voluntary.view(self, ENT)).toEqual({
      status: 'ok',
      value: { year: 2025, league: '150600', application: null },
    });
    const first = await voluntary.apply(self, ENT);
    expect(first).toMatchObject({
      status: 'ok',
      value: { year: 2025, kind: 'enterprise', league: '150600', name: '自愿企业', status: 'pending' },
    });
    const again = await voluntary.apply(self, ENT);
    expect(again).toMatchObject({ status: 'conflict', code: 'VOLUNTARY_PENDING' });
    expect(again.status === 'conflict' && again.message).toContain('不能重复申请');
    const view = await voluntary.view(self, ENT);
    expect(view.status === 'ok' && view.value.application).toEqual(first.status === 'ok' && first.value);
  });

  it('is not open to a unit no bureau registered', async () => {
    const stranger = { kind: 'enterprise' as const, id: uscc(33, '150600') };
    const caller = { type: 'staff' as const, claims: { role: 'enterprise' as const, subject: stranger.id } };
    expect(await voluntary.apply(caller, stranger)).toEqual({ status: 'notFound' });
  });

  it('takes an agency’s application only with its Annex 2 categories, which the list will need', async () => {
    expect(await voluntary.apply(agencySelf, AG)).toEqual({
      status: 'invalid',
      issues: [{ path: '服务类别', message: '第三方服务机构至少有一个服务类别' }],
    });
    expect(await voluntary.apply(agencySelf, AG, { categories: ['eia', 'nonsense'] })).toMatchObject({
      status: 'invalid',
      issues: [{ path: '服务类别', message: expect.stringContaining('nonsense') }],
    });
    const view = await voluntary.view(agencySelf, AG);
    expect(view.status === 'ok' && view.value.application).toBeNull();
    const out = await voluntary.apply(agencySelf, AG, { categories: ['eia', 'monitoring'] });
    expect(out).toMatchObject({ status: 'ok', value: { kind: 'agency', categories: ['eia', 'monitoring'] } });
  });
});
