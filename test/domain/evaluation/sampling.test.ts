import { describe, expect, it } from 'vitest';
import { inspectionRatioPermille, samplingMultiplierTenths } from '../../../domain/evaluation/sampling.ts';

describe('Art 28: random-inspection ratios', () => {
  it.each([
    ['A', false, 3],
    ['B', false, 5],
    ['C', false, 10],
    ['D', false, 15],
    ['D', true, 20],
    ['B', true, 20],
  ] as const)('grade %s (blacklisted %s) inspects at %d tenths of the base ratio', (grade, blacklisted, multiple) => {
    expect(samplingMultiplierTenths(grade, blacklisted)).toBe(multiple);
  });

  it('multiplies the base ratio', () => {
    expect(inspectionRatioPermille(200, 'A', false)).toBe(60);
    expect(inspectionRatioPermille(200, 'D', false)).toBe(300);
  });

  it('I14: caps the ratio at 100 %', () => {
    expect(inspectionRatioPermille(600, 'D', true)).toBe(1000);
    expect(inspectionRatioPermille(700, 'D', false)).toBe(1000);
  });
});
