import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../../../domain/evaluation/grade.ts';
import { inspectionRatioPermille } from '../../../domain/evaluation/sampling.ts';
import {
  isBaseRatioPermille,
  sampleSize,
  samplingClassOf,
  samplingRatioPermille,
} from '../../../domain/evaluation/samplingList.ts';

const grade = fc.constantFrom<Grade>('A', 'B', 'C', 'D');

describe('Art 28: the 双随机 sampling list', () => {
  it('samples a blacklisted result in its own class, before its grade', () => {
    expect(samplingClassOf('D', true)).toBe('blacklisted');
    expect(samplingClassOf('B', false)).toBe('B');
    expect(samplingClassOf(null, false)).toBe('ungraded');
  });

  it('scales the base ratio by the grade: A 30 %, B 50 %, C 100 %, D 150 %, blacklisted 200 %', () => {
    expect(['A', 'B', 'C', 'D'].map((g) => samplingRatioPermille(100, g as Grade, false))).toEqual([30, 50, 100, 150]);
    expect(samplingRatioPermille(100, 'D', true)).toBe(200);
  });

  it('I14: never above 100 %; a result without a grade stays at the base ratio', () => {
    expect(samplingRatioPermille(600, 'D', true)).toBe(1000);
    expect(samplingRatioPermille(70, null, false)).toBe(70);
  });

  it('takes the ratio of Art 28 as sampling.ts computes it, capped, for any base and grade', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), grade, fc.boolean(), (base, g, blacklisted) => {
        const r = samplingRatioPermille(base, g, blacklisted);
        expect(r).toBe(inspectionRatioPermille(base, g, blacklisted));
        expect(r).toBeLessThanOrEqual(1000);
        expect(r).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('draws at least the ratio, never more than the population', () => {
    expect(sampleSize(1, 15)).toBe(1);
    expect(sampleSize(0, 500)).toBe(0);
    expect(sampleSize(40, 150)).toBe(6);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1000 }), (n, r) => {
        const k = sampleSize(n, r);
        expect(k).toBeLessThanOrEqual(n);
        expect(k * 1000).toBeGreaterThanOrEqual(n * r);
        expect((k - 1) * 1000).toBeLessThan(n * r);
      }),
    );
  });

  it('takes a base ratio of 1 ‰ to 1000 ‰, whole', () => {
    expect([0, 1, 50, 1000, 1001, 2.5].map(isBaseRatioPermille)).toEqual([false, true, true, true, false, false]);
  });
});
