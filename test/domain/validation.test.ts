import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeIssues, formatPath, validate } from '../../domain/validation.ts';

describe('input validation helpers', () => {
  it('names fields with dots and indices', () => {
    expect(formatPath(['subject', 'id'], 'records[3]')).toBe('records[3].subject.id');
    expect(formatPath([0, 'x'], 'records')).toBe('records[0].x');
    expect(formatPath(['a'])).toBe('a');
  });

  it('reports zod’s own problems in Simplified Chinese', () => {
    const r = validate(z.object({ n: z.number() }), { n: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.path).toBe('n');
      expect(r.issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('joins issues into one line', () => {
    expect(
      describeIssues([
        { path: 'a', message: '错' },
        { path: '', message: '缺' },
      ]),
    ).toBe('a：错；缺');
  });
});
