import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_ID_RE, eventIdSchema } from '../../../domain/records/eventId.ts';

describe('a record’s event id (docs/api.md §1)', () => {
  it('accepts 1 to 128 letters, digits or . _ : -', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/), (id) => {
        expect(EVENT_ID_RE.test(id)).toBe(true);
        expect(eventIdSchema.safeParse(id).success).toBe(true);
      }),
    );
  });

  it('refuses an empty id, one over 128 characters or with another character, in Chinese', () => {
    for (const id of ['', 'A'.repeat(129), 'OBJ 1', '事件1', 'A/B'])
      expect(eventIdSchema.safeParse(id).error?.issues[0]?.message).toBe(
        '事件编号须为1至128位字母、数字或 . _ : - 字符',
      );
    expect(eventIdSchema.safeParse(42).error?.issues[0]?.message).toBe('事件编号须为字符串');
  });
});
