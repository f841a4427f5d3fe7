import type { Grade } from './grade.ts';
import { inspectionRatioPermille } from './sampling.ts';

/**
 * The 双随机 sampling list's rows and counts (Art 28 "双随机"抽查比例; I14, I17), from a year's
 * published grades and the base ratio the inspection planner sets.
 */
export type SamplingClass = Grade | 'blacklisted' | 'ungraded';

/** The class a published result is sampled in: the blacklist (Art 19, I10) before its grade. */
export const samplingClassOf = (grade: Grade | null, blacklisted: boolean): SamplingClass =>
  grade === null ? 'ungraded' : blacklisted ? 'blacklisted' : grade;

/** A base ratio in per-mille is a whole number from 1 (0.1 %) to 1000 (100 %). */
export const isBaseRatioPermille = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 1000;

/**
 * The ratio a published result is inspected at, in per-mille. Art 28 scales the base ratio by the
 * grade (A 30 %, B 50 %, C 100 %, D 150 %, blacklisted 200 %; capped at 100 % by I14). A result
 * without a grade (I15: suspended) has no Art 28 multiplier: it stays at the base ratio, as any
 * subject not evaluated would be.
 */
export const samplingRatioPermille = (basePermille: number, grade: Grade | null, blacklisted: boolean): number =>
  grade === null ? Math.min(1000, basePermille) : inspectionRatioPermille(basePermille, grade, blacklisted);

/**
 * How many of `population` subjects to draw at `ratioPermille`: rounded up, so that the share
 * inspected is never below the ratio Art 28 sets (a class of a few subjects still gets a draw).
 */
export const sampleSize = (population: number, ratioPermille: number): number =>
  Math.min(population, Math.ceil((population * ratioPermille) / 1000));
