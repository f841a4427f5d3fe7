import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fineTierTenths } from '../../../../../domain/catalogue/catalogue.ts';
import { DynamoCreditStore } from '../../../../../functions/adapters/dynamoStore.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { WhatIfPenalty } from '../../../../../functions/web/console/subjects/whatIf.ts';
import { enterprise, practitioner, record, uscc } from '../../../../support/builders.ts';
import { deliverRecord, registerProfile } from '../../../../support/store.ts';
import { freshTable } from '../../../../support/table.ts';

/** The what-if of a penalty: the subject's stored records plus the one about to be decided; nothing stored. */
let client: DynamoDBClient;
let table: string;
let whatIf: WhatIfPenalty;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-06-01T02:00:00Z'));
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const hohhot = { type: 'staff' as const, claims: { role: 'league' as const, league: '150100' } };
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const E = enterprise({ id: uscc(601, '150600'), name: '鄂尔多斯市模拟化工有限公司', league: '150600' });
const P = practitioner(61, { league: '150600', employer: null });
const ref = { kind: 'enterprise', id: E.id };

const everything = async () =>
  JSON.stringify(
    ((await client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [])
      .map((i) => JSON.stringify(i))
      .sort(),
  );

beforeAll(async () => {
  const fresh = await freshTable('what-if');
  client = fresh.client;
  table = fresh.table;
  const store = new DynamoCreditStore(client, table);
  whatIf = new WhatIfPenalty(store, clock);
  await registerProfile(store, E, '2026-01-05T00:00:00Z');
  await registerProfile(store, P, '2026-01-05T00:00:00Z');
  const r = record({ rule: 'SUP_CITY', eventId: 'W-1', subject: { kind: 'enterprise', id: E.id }, league: '150600' });
  await deliverRecord(store, { kind: 'enterprise', id: E.id }, r, '2026-03-02T00:00:00Z');
  const p = record({
    rule: 'PR_FRAUD_IN_SERVICE',
    eventId: 'W-2',
    subject: { kind: 'practitioner', id: P.id },
    league: '150600',
    department: '150600-EEB',
  });
  await deliverRecord(store, { kind: 'practitioner', id: P.id }, p, '2026-03-02T00:00:00Z');
});
afterAll(() => client?.destroy());

describe('the what-if of a penalty', () => {
  it('shows the score, grade, measures and repair wait a fine would bring, and writes nothing', async () => {
    const before = await everything();
    const out = await whatIf.execute(ordos, { ...ref, rule: 'ENF_FINE', fineYuan: '600,000' });
    expect(out.status).toBe('ok');
    const a = (out as { value: any }).value;
    expect(a.before).toMatchObject({ score: 98, grade: 'A' });
    // Annex 1 罚款 over 500,000 yuan: −1.5 (I7).
    expect(a.after).toMatchObject({ score: 96.5, grade: 'A' });
    expect(a.item).toMatchObject({ rule: 'ENF_FINE', points: -1.5, state: 'counted', articleName: '附件1' });
    // Art 27 (I3): up to 3 points, repaired at once after rectification.
    expect(a.repairWaitMonths).toBe(0);
    expect(await everything()).toBe(before);
  });

  it('a direct-D row makes the grade D with its restrictions and the longest repair wait (Art 14, 27)', async () => {
    const out = await whatIf.execute(region, { ...ref, rule: 'SR_EVASION_UNCOMPLIED' });
    const a = (out as { value: any }).value;
    expect(a.after.grade).toBe('D');
    expect(a.after.measures.map((m: { article: string }) => m.article)).toContain('Art 31(1)');
    expect(a.before.measures.map((m: { article: string }) => m.article)).not.toContain('Art 31(1)');
    expect(a.repairWaitMonths).toBe(18);
    expect(a.impactEliminationRequired).toBe(true);
  });

  it('a practitioner’s second record makes them dishonest (Art 13)', async () => {
    const out = await whatIf.execute(ordos, { kind: 'practitioner', id: P.id, rule: 'PR_QUALIFICATION_LENDING' });
    const a = (out as { value: any }).value;
    expect(a.before.dishonest).toBe(false);
    expect(a.after.dishonest).toBe(true);
    expect(a.repairWaitMonths).toBeNull();
  });

  it('names the fine that is missing or not a number, and a rule of another kind', async () => {
    const missing = await whatIf.execute(ordos, { ...ref, rule: 'ENF_FINE' });
    expect(missing).toMatchObject({ status: 'invalid', issues: [{ path: 'fineYuan' }] });
    const text = await whatIf.execute(ordos, { ...ref, rule: 'ENF_FINE', fineYuan: '六十万' });
    expect(text).toMatchObject({ status: 'invalid', issues: [{ path: 'fineYuan', message: '罚款金额须为数字' }] });
    const other = await whatIf.execute(ordos, { ...ref, rule: 'PR_QUALIFICATION_LENDING' });
    expect(other).toMatchObject({ status: 'invalid', issues: [{ path: 'rule' }] });
  });

  it('refuses another league alike whether or not the subject exists', async () => {
    expect(await whatIf.execute(hohhot, { ...ref, rule: 'SUP_CITY' })).toEqual({ status: 'forbidden' });
    expect(await whatIf.execute(hohhot, { kind: 'enterprise', id: uscc(699), rule: 'SUP_CITY' })).toEqual({
      status: 'forbidden',
    });
    expect(await whatIf.execute(region, { kind: 'enterprise', id: uscc(699), rule: 'SUP_CITY' })).toEqual({
      status: 'notFound',
    });
  });

  it('a fine lowers the score by its Annex 1 tier, whatever the amount (I7)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2_000_000 }), async (yuan) => {
        const out = await whatIf.execute(ordos, { ...ref, rule: 'ENF_FINE', fineYuan: String(yuan) });
        const a = (out as { value: any }).value;
        expect(Math.round((a.after.score - a.before.score) * 10)).toBe(fineTierTenths(yuan));
      }),
      { numRuns: 15 },
    );
  });
});
