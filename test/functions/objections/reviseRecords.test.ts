import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { ORDOS, objectionUseCasesOn, RECORD_A, seedConfirmation } from '../../support/objections.ts';
import { dumpTable, startTestRuntime } from '../../support/runtime.ts';

/** A bureau's change of a record through its lifecycle: revoked in its claim, a new one through the created path. */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  u = objectionUseCasesOn(rt);
}, 120_000);
afterAll(async () => rt?.stop());

const stored = async (eventId: string) => (await rt.store.loadRecords([eventId])).get(eventId);

describe('revising records', () => {
  it('a revocation of an unknown record changes nothing', async () => {
    const before = await dumpTable(rt);
    expect(await u.revise.revoke('NO-SUCH-EVENT', '2026-04-02', '理由', 'staff:league:150600')).toEqual({
      status: 'unknownEvent',
    });
    expect(await dumpTable(rt)).toBe(before);
  });

  it('revokes any record of the league (not only its own source’s), once; again changes nothing', async () => {
    expect(await u.revise.revoke(RECORD_A, '2026-04-02', '异议复核：撤回', 'staff:league:150600')).toEqual({
      status: 'done',
    });
    await rt.drain();
    expect((await stored(RECORD_A))?.revokedOn).toBe('2026-04-02');
    const before = await dumpTable(rt);
    expect(await u.revise.revoke(RECORD_A, '2026-04-03', '再次', 'staff:league:150600')).toEqual({ status: 'done' });
    await rt.drain();
    expect(await dumpTable(rt)).toBe(before);
  });

  it('creates a record under the bureau’s source; the same record again is a duplicate, another under its id a conflict', async () => {
    const record = {
      ...(await stored(RECORD_A))!,
      eventId: `${RECORD_A}.c1`,
      occurredOn: '2025-08-01',
      revokedOn: null,
    };
    expect(await u.revise.create(record, `bureau:${ORDOS}`)).toEqual({ status: 'done' });
    await rt.drain();
    expect((await stored(`${RECORD_A}.c1`))?.occurredOn).toBe('2025-08-01');
    const claim = (await rt.store.getClaims([`${RECORD_A}.c1`])).get(`${RECORD_A}.c1`);
    expect(claim?.source).toBe(`bureau:${ORDOS}`);
    expect(await u.revise.create(record, `bureau:${ORDOS}`)).toEqual({ status: 'done' });
    expect(await u.revise.create({ ...record, occurredOn: '2025-08-02' }, `bureau:${ORDOS}`)).toEqual({
      status: 'conflict',
    });
  });

  it('refuses a record the webhook would refuse, naming the field', async () => {
    const bad = { ...(await stored(RECORD_A))!, eventId: `${RECORD_A}.c9`, occurredOn: '2025-02-30', revokedOn: null };
    const out = await u.revise.create(bad, `bureau:${ORDOS}`);
    expect(out.status).toBe('invalid');
    expect(out.status === 'invalid' && out.issues[0]!.path).toBe('occurredOn');
  });
});
