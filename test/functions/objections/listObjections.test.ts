import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  agencyCaller,
  fileAgencyObjection,
  leagueCaller,
  OBJECTING_AGENCY,
  ORDOS,
  objectionUseCasesOn,
  RECORD_A,
  seedConfirmation,
} from '../../support/objections.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** The console's objections: per league, open first, the working days left to the review limit, overdue marked. */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
let id = '';
beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  u = objectionUseCasesOn(rt);
  id = await fileAgencyObjection(u);
}, 120_000);
afterAll(async () => rt?.stop());

describe('the console’s objections', () => {
  it('a league bureau sees its league’s objections with the working days left; another league sees none', async () => {
    const out = await u.list.execute(leagueCaller());
    expect(out.status === 'ok' && out.value.leagues).toEqual([ORDOS]);
    const listed = out.status === 'ok' ? out.value.objections : [];
    expect(listed.map((o) => o.id)).toEqual([id]);
    expect(listed[0]!.workingDaysLeft).toBeGreaterThan(0);
    expect(listed[0]!.reviewBy).toMatchObject({ article: 'Art 17(3)', overdue: false });
    const other = await u.list.execute(leagueCaller('150100'));
    expect(other.status === 'ok' && other.value.objections).toEqual([]);
    expect(await u.list.execute(agencyCaller())).toEqual({ status: 'forbidden' });
  });

  it('the region sees every league’s; filtered by league on request', async () => {
    const region = { type: 'staff' as const, claims: { role: 'region' as const } };
    const all = await u.list.execute(region);
    expect(all.status === 'ok' && all.value.objections.map((o) => o.id)).toEqual([id]);
    const hohhot = await u.list.execute(region, '150100');
    expect(hohhot.status === 'ok' && hohhot.value.objections).toEqual([]);
  });

  it('the disputed records of a subject, for the caller who reviews them', async () => {
    const subject = { kind: 'agency' as const, id: OBJECTING_AGENCY };
    const mine = await u.list.disputedOf(leagueCaller(), subject);
    expect([...mine.records]).toEqual([RECORD_A]);
    expect(mine.preGrade).toBe(false);
    expect([...(await u.list.disputedOf(leagueCaller('150100'), subject)).records]).toEqual([]);
  });

  it('a review limit passed is overdue: negative working days and the cycle’s alert', async () => {
    const cycle = (await rt.cycleStore.getCycle(2025, 'agency'))!;
    const limit = cycle.deadlines.find((d) => d.id === `OBJECTION.review@${ORDOS}#${id}`)!;
    await fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now: '2026-04-30T02:00:00Z' }) });
    const out = await u.list.execute(leagueCaller());
    const o = out.status === 'ok' ? out.value.objections[0]! : null;
    expect(o?.workingDaysLeft).toBeLessThan(0);
    expect(o?.reviewBy).toMatchObject({ on: limit.on, overdue: true });
    // Reviewed, it leaves the top of the list's open ones.
    await u.review.execute(leagueCaller(), id, [{ target: RECORD_A, outcome: 'upheld', reasons: '维持' }]);
    const after = await u.list.execute(leagueCaller());
    expect(after.status === 'ok' && after.value.objections[0]).toMatchObject({
      status: 'reviewed',
      workingDaysLeft: null,
    });
  });
});
