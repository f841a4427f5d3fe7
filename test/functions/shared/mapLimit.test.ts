import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../functions/shared/mapLimit.ts';

describe('work over items a few at a time', () => {
  it('answers in the items’ order whatever order they finish in, each with its index', async () => {
    const delays = [30, 5, 20, 1, 10];
    const out = await mapLimit(delays, 2, async (ms, i) => {
      await new Promise((r) => setTimeout(r, ms));
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
  });

  it('never has more than the limit under way', async () => {
    let running = 0;
    let most = 0;
    await mapLimit(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      },
    );
    expect(most).toBe(3);
  });

  it('runs nothing for no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
