import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residentIdProblem } from '../../../domain/identifiers/residentId.ts';
import { subjectIdProblem } from '../../../domain/identifiers/subjectId.ts';
import { usccProblem } from '../../../domain/identifiers/uscc.ts';
import { residentId, uscc } from '../../support/builders.ts';

describe('a subject’s identifier, by its kind', () => {
  it('accepts a valid code of an enterprise or agency and a valid identity number of a practitioner', () => {
    expect(subjectIdProblem('enterprise', uscc(1))).toBeNull();
    expect(subjectIdProblem('agency', uscc(2, '150200'))).toBeNull();
    expect(subjectIdProblem('practitioner', residentId(3))).toBeNull();
  });

  it('says in Chinese which standard a refused identifier breaks', () => {
    expect(subjectIdProblem('enterprise', '91150600MA0Q67890M')).toBe('统一社会信用代码校验码错误（GB 32100-2015）');
    expect(subjectIdProblem('agency', 'abc')).toMatch(/^统一社会信用代码须为18位/);
    expect(subjectIdProblem('practitioner', '12345')).toBe('公民身份号码须为18位（末位可为X）');
    // A credit code is not an identity number, nor the reverse.
    expect(subjectIdProblem('practitioner', uscc(1))).not.toBeNull();
    expect(subjectIdProblem('enterprise', residentId(3))).not.toBeNull();
  });

  it('refuses exactly what the standard of the kind refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('enterprise', 'agency', 'practitioner' as const),
        fc.string({ maxLength: 20 }),
        (kind, id) => {
          const standard = kind === 'practitioner' ? residentIdProblem(id) : usccProblem(id);
          expect(subjectIdProblem(kind, id) === null).toBe(standard === null);
        },
      ),
    );
  });
});
