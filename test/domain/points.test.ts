import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPoints, INITIAL_SCORE, tenths, toPoints } from '../../domain/points.ts';

describe('points in integer tenths (docs/rules.md §2, I2)', () => {
  it('converts half points exactly', () => {
    expect(fromPoints(-0.5)).toBe(-5);
    expect(fromPoints(-1.5)).toBe(-15);
    expect(toPoints(tenths(998))).toBe(99.8);
    expect(toPoints(tenths(-5))).toBe(-0.5);
  });

  it('starts every site and agency at 100 points (Art 11, Art 12)', () => {
    expect(toPoints(INITIAL_SCORE)).toBe(100);
  });

  it('prints every tenth as its one-decimal value, with no binary drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const shown = String(toPoints(tenths(n)));
        const expected = `${n < 0 ? '-' : ''}${Math.trunc(Math.abs(n) / 10)}${Math.abs(n) % 10 === 0 ? '' : `.${Math.abs(n) % 10}`}`;
        expect(shown).toBe(expected);
      }),
    );
  });

  it('refuses a fraction of a tenth', () => {
    expect(() => tenths(0.5)).toThrow(RangeError);
  });
});
