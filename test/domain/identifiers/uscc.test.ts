import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, usccProblem } from '../../../domain/identifiers/uscc.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the example codes of the specification', () => {
    expect(usccProblem('91150600MA0Q67890N')).toBeNull();
    expect(usccProblem('91150200MA0P12345J')).toBeNull();
    expect(usccProblem('91150100MA0N000000')).toBeNull();
  });

  it('refuses a wrong check character and says so', () => {
    expect(usccProblem('91150600MA0Q67890M')).toBe('check');
  });

  it('refuses letters the standard excludes (I, O, S, V, Z) and wrong lengths', () => {
    expect(usccProblem('91150600MA0Q6789ON')).toBe('shape');
    expect(usccProblem('91150600MA0Q67890')).toBe('shape');
    expect(usccProblem('91150600ma0q67890n')).toBe('shape');
  });

  it('detects every single-character substitution', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }),
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom(...alphabet),
        (chars, pos, replacement) => {
          const body = chars.join('');
          const code = body + usccCheckCharacter(body);
          expect(usccProblem(code)).toBeNull();
          if (replacement === chars[pos]) return;
          const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
          expect(usccProblem(changed)).not.toBeNull();
        },
      ),
    );
  });
});
