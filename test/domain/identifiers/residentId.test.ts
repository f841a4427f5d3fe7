import { describe, expect, it } from 'vitest';
import { residentIdProblem } from '../../../domain/identifiers/residentId.ts';

describe('resident identity number (GB 11643)', () => {
  it('accepts the example of the specification', () => {
    expect(residentIdProblem('150203199002150023')).toBeNull();
  });

  it('accepts X as the check character', () => {
    // 11010519491231002X is the standard's own example.
    expect(residentIdProblem('11010519491231002X')).toBeNull();
  });

  it('refuses a wrong check digit, an impossible birth date and a bad shape', () => {
    expect(residentIdProblem('150203199002150024')).toBe('check');
    expect(residentIdProblem('150203199002300023')).toBe('birthDate');
    expect(residentIdProblem('15020319900215002')).toBe('shape');
    expect(residentIdProblem('15020319900215002x')).toBe('shape');
  });
});
