import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueParticipantsNotices } from '../../../functions/notices/issueParticipantsNotices.ts';
import { entryOf, filingFixture, LEAGUE } from '../filing/fixture.ts';

/** 参评通知 (Art 20): one per participant on the list, with the FILING window's closing date. */
let fx: Awaited<ReturnType<typeof filingFixture>>;
beforeAll(async () => {
  fx = await filingFixture('participants-notices');
});
afterAll(() => fx?.client.destroy());

const of = { year: 2025, kind: 'agency' as const, league: LEAGUE };
const useCase = () => new IssueParticipantsNotices(fx.cycles, fx.participants, fx.notices, fx.clock);

describe('IssueParticipantsNotices', () => {
  it('issues nothing before the league notified its participants (no window, no deadline)', async () => {
    expect(await useCase().execute(of, 'staff:league:150600')).toEqual({ issued: 0, existing: 0 });
  });

  it('issues one notice per participant naming the deadline, and issuing again changes nothing', async () => {
    await fx.notify();
    expect(await useCase().execute(of, 'staff:league:150600')).toEqual({ issued: 2, existing: 0 });
    const to = { kind: 'agency' as const, id: entryOf(2).code };
    const [notice] = await fx.notices.noticesTo(to);
    expect(notice).toMatchObject({
      id: 'participants-2025-agency',
      kind: 'participants',
      toName: '机构2',
      league: LEAGUE,
      year: 2025,
      deadline: '2026-03-30',
      issuedBy: 'staff:league:150600',
      readAt: null,
    });
    expect(notice!.body).toContain('请于2026年3月30日前');
    fx.clock.freeze(new Date('2026-03-03T02:00:00Z'));
    expect(await useCase().execute(of, 'system:deadline')).toEqual({ issued: 0, existing: 2 });
    expect(await fx.notices.noticesTo(to)).toEqual([notice]);
    expect(await fx.notices.noticesTo({ kind: 'agency', id: entryOf(3).code })).toEqual([]);
  });
});
