import { describe, expect, it } from 'vitest';
import { MAX_REASON_LENGTH } from '../../../domain/records/bounds.ts';
import { checkedReason } from '../../../functions/participants/reason.ts';

describe('a bureau’s reason', () => {
  it('is trimmed, and may be empty where none is required', () => {
    expect(checkedReason('  更正名称 ', '理由', null)).toEqual({ status: 'ok', value: '更正名称' });
    expect(checkedReason('  ', '理由', null)).toEqual({ status: 'ok', value: '' });
  });

  it('is refused when required and missing, naming the field with the given reason', () => {
    expect(checkedReason(' ', '未列入理由', '不列入参评名单须填写理由')).toEqual({
      status: 'invalid',
      issues: [{ path: '未列入理由', message: '不列入参评名单须填写理由' }],
    });
  });

  it('is refused when longer than the bound', () => {
    const out = checkedReason('理'.repeat(MAX_REASON_LENGTH + 1), '理由', null);
    expect(out).toMatchObject({ status: 'invalid', issues: [{ path: '理由' }] });
    expect(checkedReason('理'.repeat(MAX_REASON_LENGTH), '理由', null).status).toBe('ok');
  });
});
