import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLegalDate } from '../../../domain/dates.ts';
import { legalDate } from '../../../domain/records/legalDate.ts';
import { validate } from '../../../domain/validation.ts';

describe('a calendar date of the API (YYYY-MM-DD)', () => {
  it('accepts a real date and names the field in its Chinese refusals', () => {
    expect(validate(legalDate('整改完成日期'), '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(validate(legalDate('整改完成日期'), '2025-02-29')).toEqual({
      ok: false,
      issues: [{ path: '', message: '整改完成日期不是有效的日历日期（YYYY-MM-DD）' }],
    });
    expect(validate(legalDate('整改完成日期'), 20250301)).toEqual({
      ok: false,
      issues: [{ path: '', message: '整改完成日期须为 YYYY-MM-DD 格式的日期' }],
    });
  });

  it('accepts exactly the strings that are legal dates', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        ),
        (s) => {
          expect(validate(legalDate('日期'), s).ok).toBe(isLegalDate(s));
        },
      ),
    );
  });
});
