import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundWeightedDown, weightSites } from '../../../domain/evaluation/siteWeighting.ts';
import { tenths } from '../../../domain/points.ts';

const site = (siteId: string, score: number, outputShare?: number | null) => ({
  siteId,
  score: tenths(score),
  outputShare,
});

describe('Art 16(2) and I9: output-share weighting of sites', () => {
  it('weights by output share: 0.7 × 101 + 0.3 × 97 = 99.8', () => {
    expect(weightSites([site('a', 1010, 0.7), site('b', 970, 0.3)])).toMatchObject({ score: 998, notes: [] });
  });

  it('normalises shares that do not sum to 1 and says so', () => {
    const w = weightSites([site('a', 1000, 0.3), site('b', 800, 0.3)]);
    expect(w.score).toBe(900);
    expect(w.notes[0]).toMatch(/^I9: output shares sum to 0.6/);
  });

  it('weighs sites equally when any share is missing, and says so', () => {
    const w = weightSites([site('a', 1000, 0.9), site('b', 800, null)]);
    expect(w.score).toBe(900);
    expect(w.notes[0]).toMatch(/^I9: output shares missing \(b\)/);
  });

  it('rounds the weighted value down to a tenth so no grade boundary is crossed upwards', () => {
    // 1/3 × 95.0 + 2/3 × 94.9 = 94.933… → 94.9, not 95.0
    expect(weightSites([site('a', 950, 1), site('b', 949, 2)]).score).toBe(949);
    expect(weightSites([site('a', 950), site('b', 949)]).score).toBe(949);
  });

  it('a single site is the entity', () => {
    expect(weightSites([site('a', 875, 0.2)]).score).toBe(875);
  });

  it('never leaves the range of the site scores (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 1500 }), fc.integer({ min: 1, max: 1000 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const w = weightSites(rows.map(([s, share], i) => site(`s${i}`, s, share / 1000)));
          const scores = rows.map(([s]) => s);
          expect(w.score).toBeGreaterThanOrEqual(Math.min(...scores));
          expect(w.score).toBeLessThanOrEqual(Math.max(...scores));
        },
      ),
    );
  });

  it('integer floor division is exact', () => {
    expect(roundWeightedDown(-7, 2)).toBe(-4);
    expect(roundWeightedDown(7, 2)).toBe(3);
    expect(roundWeightedDown(6, 2)).toBe(3);
  });
});
