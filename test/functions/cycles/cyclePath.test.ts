import { describe, expect, it } from 'vitest';
import { validate } from '../../../domain/validation.ts';
import { cyclePath } from '../../../functions/cycles/cyclePath.ts';

describe('the path of the routes under a cycle', () => {
  it('names a bad year and a bad kind at once, in Chinese', () => {
    expect(validate(cyclePath, { year: '25', kind: 'citizen' })).toEqual({
      ok: false,
      issues: [
        { path: 'year', message: '年度须为四位数字' },
        { path: 'kind', message: '评价周期类型须为 enterprise、agency 或 practitioner' },
      ],
    });
  });

  it('keeps the year as written and the kind', () => {
    expect(validate(cyclePath, { year: '2025', kind: 'practitioner' })).toEqual({
      ok: true,
      value: { year: '2025', kind: 'practitioner' },
    });
  });
});
