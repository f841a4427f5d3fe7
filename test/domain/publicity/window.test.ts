import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWindowOpen, publicityWindowOf } from '../../../domain/publicity/window.ts';
import { cycleAtPublicity } from '../../support/publicity.ts';

describe('the publicity window (Art 16(3), 17(4); I12)', () => {
  it('does not exist before publicityOpened; afterwards it is the cycle’s 7-working-day window', () => {
    const before = cycleAtPublicity('enterprise', 2025, ['150600'], '2026-03-02T01:00:00Z');
    expect(publicityWindowOf(before)).toBeNull();
    const opened = cycleAtPublicity('enterprise', 2025, ['150600'], '2026-03-02T01:00:00Z', '2026-05-06T02:00:00Z');
    expect(publicityWindowOf(opened)).toEqual({
      year: 2025,
      kind: 'enterprise',
      opensOn: '2026-05-06',
      closesOn: '2026-05-14',
      closesAt: '2026-05-14T15:59:59.000Z',
    });
  });

  it('is open up to 23:59:59 legal time of its closing day and closed one second later', () => {
    const w = { closesAt: '2026-05-14T15:59:59.000Z' };
    fc.assert(
      fc.property(fc.integer({ min: -10 * 86_400, max: 10 * 86_400 }), (offset) => {
        const now = new Date(Date.parse(w.closesAt) + offset * 1000).toISOString();
        expect(isWindowOpen(w, now)).toBe(offset <= 0);
      }),
    );
  });
});
