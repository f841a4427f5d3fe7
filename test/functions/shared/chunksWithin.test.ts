import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksWithin } from '../../../functions/shared/chunksWithin.ts';

describe('chunksWithin', () => {
  it('cuts by count and by bytes, an item larger than the bytes alone in its run', () => {
    expect(chunksWithin([1, 1, 1, 1, 1], 2, 100, (x) => x)).toEqual([[1, 1], [1, 1], [1]]);
    expect(chunksWithin([40, 40, 40, 150, 10], 10, 100, (x) => x)).toEqual([[40, 40], [40], [150], [10]]);
    expect(chunksWithin([], 10, 100, (x: number) => x)).toEqual([]);
  });

  it('keeps every item in its order, each run within both bounds unless it is one item', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(60)),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 120 }),
        (items, maxCount, maxBytes) => {
          const chunks = chunksWithin(items, maxCount, maxBytes, (x) => x);
          expect(chunks.flat()).toEqual(items);
          for (const c of chunks) {
            expect(c.length).toBeGreaterThan(0);
            expect(c.length).toBeLessThanOrEqual(maxCount);
            if (c.length > 1) expect(c.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });
});
