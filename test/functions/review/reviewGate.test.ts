import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveResult } from '../../../functions/review/reviewedSubject.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { B_ENT, D_ENT, REVIEW_LEAGUE, REVIEW_YEAR, reviewOn, seedReview } from '../../support/review.ts';
import { callApi, postWebhook, staffToken, startTestRuntime } from '../../support/runtime.ts';

/**
 * 复核审定 (Art 16(4), 17(6)) waits for every item; once recorded, the year's final results are
 * frozen, and publication (Art 16(5), 17(7)) publishes exactly them.
 */
let rt: LocalRuntime;
let region: string;
const group = { type: 'staff' as const, claims: { role: 'reviewGroup' as const } };
const CYCLE = { year: REVIEW_YEAR, kind: 'enterprise' as const };
const act = (body: unknown) => callApi(rt, 'POST', `/v1/cycles/${REVIEW_YEAR}/enterprise/acts`, region, body);

beforeAll(async () => {
  rt = await startTestRuntime();
  region = await staffToken({ role: 'region', league: '150000' });
  await seedReview(rt);
}, 120_000);
afterAll(async () => rt?.stop());

describe('复核审定 and the final results', () => {
  it('reviewConfirmed is refused while an item is undecided, naming how many', async () => {
    const out = await act({ act: 'reviewConfirmed' });
    expect(out.status).toBe(409);
    expect(out.json).toMatchObject({ code: 'REVIEW_UNDECIDED' });
    expect(JSON.stringify(out.json)).toContain('尚有1项复核事项未作出复核决定');
  });

  it('is accepted once every item is decided, and freezes every listed participant’s result of that day', async () => {
    const decided = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: D_ENT.code },
      { outcome: 'confirmed', reasons: '经调查核实，许可撤销决定合法有效', revoke: [] },
    );
    expect(decided.status).toBe('ok');
    expect((await act({ act: 'reviewConfirmed' })).status).toBe(200);
    // Art 16(5): nothing is published from a live evaluation while the freeze is on its way.
    const early = await act({ act: 'published' });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'FINAL_RESULTS_PENDING' });
    expect(JSON.stringify(early.json)).toContain('已生成0个，共2个');
    await rt.drain();
    const finals = await reviewOn(rt).finals.finalResults(REVIEW_YEAR, 'enterprise');
    expect(finals.map((f) => [f.code, f.grade, f.evaluatedOn]).sort()).toEqual(
      [
        [B_ENT.code, 'A', '2026-05-20'],
        [D_ENT.code, 'D', '2026-05-20'],
      ].sort(),
    );
    expect(finals.find((f) => f.code === D_ENT.code)).toMatchObject({ league: REVIEW_LEAGUE, name: D_ENT.name });
  });

  it('after the freeze, the review group decides nothing more', async () => {
    const out = await reviewOn(rt).read.execute(group, { ...CYCLE, code: D_ENT.code });
    expect(out.status === 'ok' && out.value.closedReason).toContain('复核审定已完毕');
  });

  it('a record arriving after the freeze does not change what is published (Art 16(5))', async () => {
    rt.clock.set(new Date('2026-05-25T02:00:00Z'));
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId: 'RV-LATE-1',
        subject: { kind: 'enterprise', id: B_ENT.code },
        rule: 'SR_PERMIT_FRAUD',
        occurredOn: '2025-07-01',
        department: `${REVIEW_LEAGUE}-EEB`,
        league: REVIEW_LEAGUE,
      },
    });
    await rt.drain();
    expect((await act({ act: 'published' })).status).toBe(200);
    await rt.drain();
    expect(await rt.store.getPublished({ kind: 'enterprise', id: B_ENT.code }, REVIEW_YEAR)).toMatchObject({
      grade: 'A',
    });
    expect(await rt.store.getPublished({ kind: 'enterprise', id: D_ENT.code }, REVIEW_YEAR)).toMatchObject({
      grade: 'D',
    });
    // The live score knows the late record; the published result does not.
    const live = await liveResult(rt.store, { kind: 'enterprise', code: B_ENT.code }, REVIEW_YEAR, '2026-05-25');
    expect(live).toMatchObject({ grade: 'D' });
  });
});
