import { describe, expect, it } from 'vitest';
import { EXPLANATION_PAGE_SIZE, explanationPage } from '../../../functions/shared/subjectEvaluation.ts';

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
