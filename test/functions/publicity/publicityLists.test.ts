import { beforeAll, describe, expect, it } from 'vitest';
import { PublicityLists } from '../../../functions/publicity/publicityLists.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import {
  cycleAtPublicity,
  PUBLICITY_LEAGUE,
  publicityStores,
  putSentReport,
  reportEntry,
  writeCycle,
} from '../../support/publicity.ts';
import { freshTable } from '../../support/table.ts';

const clock = new AdjustableClock();
let lists: PublicityLists;
const OTHER = '150100' as const;

beforeAll(async () => {
  const { client, table } = await freshTable('publicity-lists');
  const s = publicityStores(client, table);
  lists = new PublicityLists(s.cycles, s.reports, clock);
  await writeCycle(
    s.cycles,
    cycleAtPublicity('enterprise', 2025, [OTHER, PUBLICITY_LEAGUE], '2026-03-02T01:00:00Z', '2026-05-06T02:00:00Z'),
  );
  await writeCycle(s.cycles, cycleAtPublicity('agency', 2025, [PUBLICITY_LEAGUE], '2026-03-02T01:00:00Z'));
  const ref = { year: 2025, kind: 'enterprise' as const, league: PUBLICITY_LEAGUE };
  // Version 1 sent, version 2 returned and sent again, version 3 being prepared: version 2 is public.
  await putSentReport(s.reports, ref, 1, [reportEntry(1, { name: '旧名称' })]);
  await putSentReport(s.reports, ref, 2, [
    reportEntry(1),
    reportEntry(2, { grade: 'D', gradeName: '环保不良单位', blacklistProposed: true }),
    reportEntry(3, { suspended: true, score: null, grade: null }),
  ]);
  await putSentReport(s.reports, ref, 3, [reportEntry(9)], 'complete');
  await putSentReport(s.reports, { ...ref, league: OTHER }, 1, [{ ...reportEntry(4), code: '91150100MA0000804X' }]);
  clock.set(new Date('2026-05-07T02:00:00Z'));
});

describe('the publicity lists (Art 16(3), 17(4))', () => {
  it('list the publicities opened, with their windows; a cycle not yet opened is not public', async () => {
    expect(await lists.overview()).toEqual([
      {
        year: 2025,
        kind: 'enterprise',
        opensOn: '2026-05-06',
        closesOn: '2026-05-14',
        closesAt: '2026-05-14T15:59:59.000Z',
        open: true,
      },
    ]);
    expect(await lists.page({ year: '2025', kind: 'agency' })).toEqual({ status: 'notFound' });
    expect(await lists.page({ year: '2025', kind: 'practitioner' })).toEqual({ status: 'notFound' });
  });

  it('show each league’s latest sent report without suspended subjects (I15), by league then code', async () => {
    const page = await lists.page({ year: '2025', kind: 'enterprise' });
    expect(
      page.status === 'ok' && page.value.entries.map((e) => [e.league, e.name, e.grade, e.blacklistProposed]),
    ).toEqual([
      [OTHER, '鄂尔多斯市公示测试4号有限公司', 'A', false],
      [PUBLICITY_LEAGUE, '鄂尔多斯市公示测试1号有限公司', 'A', false],
      [PUBLICITY_LEAGUE, '鄂尔多斯市公示测试2号有限公司', 'D', true],
    ]);
  });

  it('search by name or the start of the code, and refuse a malformed cursor', async () => {
    const byName = await lists.page({ year: '2025', kind: 'enterprise', q: '2号' });
    expect(byName.status === 'ok' && byName.value.entries.map((e) => e.code)).toEqual([reportEntry(2).code]);
    const byCode = await lists.page({ year: '2025', kind: 'enterprise', q: '91150100' });
    expect(byCode.status === 'ok' && byCode.value.total).toBe(1);
    const bad = await lists.page({ year: '2025', kind: 'enterprise', cursor: 'x' });
    expect(bad.status === 'invalid' && bad.issues[0]!.path).toBe('cursor');
  });

  it('mark a publicity closed after 23:59:59 of its last day (I12)', async () => {
    clock.set(new Date('2026-05-14T16:00:00Z'));
    expect((await lists.status(2025, 'enterprise'))?.open).toBe(false);
    clock.set(new Date('2026-05-14T15:59:00Z'));
    expect((await lists.status(2025, 'enterprise'))?.open).toBe(true);
  });
});
