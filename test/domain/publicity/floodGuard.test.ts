import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMENT_RATE_LIMIT,
  formTiming,
  MAX_FORM_AGE_SECONDS,
  MIN_FILL_SECONDS,
  rateExpiryOf,
  rateWindowOf,
  secondsUntilNextWindow,
} from '../../../domain/publicity/floodGuard.ts';

const T0 = Date.parse('2026-05-07T03:00:00Z');

describe('the comment form’s flood guard (Art 7: open to everyone, not to programs)', () => {
  it('a form sent sooner than a person can write is too fast; one left open for hours is stale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * MAX_FORM_AGE_SECONDS * 1000 }), (elapsed) => {
        const t = formTiming(T0, T0 + elapsed);
        expect(t).toBe(
          elapsed < MIN_FILL_SECONDS * 1000 ? 'tooFast' : elapsed > MAX_FORM_AGE_SECONDS * 1000 ? 'stale' : 'ok',
        );
      }),
    );
  });

  it('every instant falls in exactly one window, which contains it and is counted until after it ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const start = rateWindowOf(ms, COMMENT_RATE_LIMIT);
        const s = Math.floor(ms / 1000);
        expect(start).toBeLessThanOrEqual(s);
        expect(s - start).toBeLessThan(COMMENT_RATE_LIMIT.windowSeconds);
        expect(start % COMMENT_RATE_LIMIT.windowSeconds).toBe(0);
        expect(rateExpiryOf(start, COMMENT_RATE_LIMIT)).toBeGreaterThanOrEqual(
          start + COMMENT_RATE_LIMIT.windowSeconds,
        );
        const wait = secondsUntilNextWindow(ms, COMMENT_RATE_LIMIT);
        expect(wait).toBeGreaterThanOrEqual(1);
        expect(rateWindowOf(ms + wait * 1000, COMMENT_RATE_LIMIT)).toBe(start + COMMENT_RATE_LIMIT.windowSeconds);
      }),
    );
  });
});
