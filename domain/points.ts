/**
 * Points are exact: integer tenths of a point, never binary floats.
 * Why: the catalogue steps by 0.5 (Annex 1 fines) and multi-site weighting (Art 16(2)) produces
 * one decimal; integer tenths keep every sum and comparison exact (docs/rules.md §2, I2).
 */
export type Tenths = number & { readonly __tenths: unique symbol };

export const tenths = (n: number): Tenths => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer number of tenths: ${n}`);
  return n as Tenths;
};

/** Whole or half points as written in the catalogue, e.g. -0.5 → -5 tenths. */
export const fromPoints = (points: number): Tenths => tenths(Math.round(points * 10));

/** Tenths to a display number with one decimal (I2: shown with one decimal). */
// Dividing an integer by 10 is correctly rounded, so the result is the double nearest the exact
// one-decimal value and prints as that decimal (998 → 99.8).
export const toPoints = (t: Tenths | number): number => (t as number) / 10;

/** Every evaluated enterprise site and agency starts the year at 100 points (Art 11, Art 12). */
export const INITIAL_SCORE: Tenths = 1000 as Tenths;
