import { describe, expect, it } from 'vitest';
import { fieldName, named } from '../../../../../functions/web/console/subjects/labels.ts';

/** Messages name the field in Chinese (docs/api.md "a message naming the field"). */
describe('field names of the console’s forms', () => {
  it('names a field, a row of a list and a nested field in Chinese', () => {
    expect(fieldName('fineYuan')).toBe('罚款金额（元）');
    expect(fieldName('sites[1].outputShare')).toBe('厂址（第2行） · 产量占比');
    expect(fieldName('employer.id')).toBe('工作单位 · 统一社会信用代码/公民身份号码');
    expect(fieldName('unknownField')).toBe('unknownField');
  });

  it('renames only an invalid refusal’s paths', () => {
    expect(named({ status: 'invalid', issues: [{ path: 'league', message: 'm' }] })).toEqual({
      status: 'invalid',
      issues: [{ path: '盟市', message: 'm' }],
    });
    expect(named({ status: 'forbidden' })).toEqual({ status: 'forbidden' });
  });
});
