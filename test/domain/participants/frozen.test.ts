import { describe, expect, it } from 'vitest';
import type { Cycle } from '../../../domain/cycles/cycle.ts';
import { listConfirmed } from '../../../domain/participants/frozen.ts';

const cycleWith = (stageIndex: number | null): Cycle =>
  ({
    kind: 'agency',
    year: 2026,
    leagues: stageIndex === null ? {} : { '150600': { stageIndex, enteredOn: '2026-03-01', openedOn: null, done: [] } },
  }) as unknown as Cycle;

describe('a league list confirmed (Art 16(1), 17(1))', () => {
  it('is a draft before the cycle, and while the league is listing', () => {
    expect(listConfirmed(null, '150600')).toBe(false);
    expect(listConfirmed(cycleWith(null), '150600')).toBe(false);
    expect(listConfirmed(cycleWith(0), '150600')).toBe(false);
  });
  it('is confirmed once the league has left LISTING', () => {
    expect(listConfirmed(cycleWith(1), '150600')).toBe(true);
    expect(listConfirmed(cycleWith(3), '150600')).toBe(true);
  });
});
