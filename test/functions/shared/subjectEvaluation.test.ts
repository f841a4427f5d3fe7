import { describe, expect, it } from 'vitest';
import type { Filing } from '../../../domain/filing/filing.ts';
import type { SubjectPartition, SubjectRecordStore } from '../../../functions/ports/store.ts';
import { EXPLANATION_PAGE_SIZE, evaluateStored, explanationPage } from '../../../functions/shared/subjectEvaluation.ts';
import { agency } from '../../support/builders.ts';

/** How a lookup pages a subject's explanation (docs/api.md §3). */
const result = (items: number, eventIdLength = 10) => ({
  score: 12.5,
  items: Array.from({ length: items }, (_, i) => ({ eventId: String(i).padStart(eventIdLength, '0'), points: -1 })),
  pending: [] as unknown[],
  repair: [] as unknown[],
  notes: ['I2: score below 0 is not floored'],
  measures: [],
});

describe('paging an explanation', () => {
  it('answers a small result as it is', () => {
    expect(explanationPage(result(10))).toEqual({ ok: true, result: result(10) });
  });

  it('answers a big result whole when it fits, saying how many pages it has', () => {
    const paged = explanationPage(result(2_500));
    expect(paged.ok && paged.result.items).toHaveLength(2_500);
    expect(paged.ok && paged.result.explanation).toEqual({
      page: null,
      pages: 3,
      pageSize: EXPLANATION_PAGE_SIZE,
      counts: { items: 2_500, pending: 0, repair: 0, notes: 1 },
    });
  });

  it('answers with one page when asked, and with the first when the whole would not fit', () => {
    const third = explanationPage(result(2_500), 3);
    expect(third.ok && third.result.items.map((i) => Number(i.eventId))).toEqual(
      Array.from({ length: 500 }, (_, i) => 2_000 + i),
    );
    expect(third.ok && third.result.notes).toEqual([]);
    expect(third.ok && third.result.score).toBe(12.5);
    const huge = explanationPage(result(40_000, 120));
    expect(huge.ok && huge.result.explanation).toMatchObject({ page: 1, pages: 40 });
    expect(huge.ok && huge.result.items).toHaveLength(EXPLANATION_PAGE_SIZE);
  });

  it('says how many pages there are when asked for one beyond the last', () => {
    expect(explanationPage(result(2_500), 4)).toEqual({ ok: false, pages: 3 });
  });
});

describe('Art 32 derived from the filing of the year', () => {
  const window = {
    opensOn: '2026-03-02',
    opensAt: '2026-03-01T16:00:00.000Z',
    closesOn: '2026-03-30',
    closesAt: '2026-03-30T15:59:59.000Z',
  };
  const subject = agency({ league: '150600', categories: ['eia'] });
  const filing = (filedAt: string | null): Filing => ({
    year: 2025,
    kind: 'agency',
    code: subject.id,
    league: '150600',
    window,
    filedAt,
    filedBy: null,
    basic: null,
    markedMissingAt: filedAt === null ? '2026-03-31T01:00:00.000Z' : null,
  });
  const partition = (filings: Filing[], reportedLate?: boolean): SubjectPartition => ({
    profile: {
      subject: reportedLate === undefined ? subject : { ...subject, reportedLate },
      registration: 'registered',
      version: 1,
      updatedAt: '2026-01-05T00:00:00Z',
    },
    records: [],
    staff: [],
    snapshots: [],
    published: [],
    filings,
  });
  const incentives = async (p: SubjectPartition, asOf = '2026-04-01') => {
    const store = {} as SubjectRecordStore;
    const r = await evaluateStored(store, { kind: 'agency', id: subject.id }, p, [], [2025], asOf);
    return r.results.get(2025)!.measures.some((m) => m.article === 'Art 29(1)');
  };

  it('a filing on time keeps the incentive measures; a late or missing one loses them', async () => {
    expect(await incentives(partition([filing('2026-03-20T02:00:00.000Z')]))).toBe(true);
    expect(await incentives(partition([filing('2026-03-31T02:00:00.000Z')]))).toBe(false);
    expect(await incentives(partition([filing(null)]))).toBe(false);
    expect(await incentives(partition([]))).toBe(true);
  });

  it('a result evaluated before the window closed is not reported late', async () => {
    expect(await incentives(partition([filing(null)]), '2026-03-30')).toBe(true);
  });

  it("the profile's reportedLate flag still marks a subject late whatever its filing says; clearing it excuses nothing", async () => {
    expect(await incentives(partition([filing('2026-03-20T02:00:00.000Z')], true))).toBe(false);
    expect(await incentives(partition([filing(null)], false))).toBe(false);
  });
});
