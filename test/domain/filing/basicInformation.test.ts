import { describe, expect, it } from 'vitest';
import { checkBasicInformation } from '../../../domain/filing/basicInformation.ts';

describe('basic information of a filing (Art 16(1), 17(1), 20)', () => {
  it('an enterprise files its sites with output shares summing to 100%', () => {
    expect(checkBasicInformation('enterprise', { sites: 'P001:60%；P002:40%', categories: [] })).toEqual({
      ok: true,
      value: {
        sites: [
          { siteId: 'P001', shareBp: 6000 },
          { siteId: 'P002', shareBp: 4000 },
        ],
        categories: [],
      },
    });
  });

  it('shares that do not sum to 100% or no site at all are refused, naming the field in Chinese', () => {
    const r = checkBasicInformation('enterprise', { sites: 'P001:60%；P002:30%', categories: [] });
    expect(r).toEqual({ ok: false, issues: [{ path: 'sites', message: expect.stringContaining('应为100%') }] });
    const empty = checkBasicInformation('enterprise', { sites: '  ', categories: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.issues[0]!.message).toContain('厂址及产量占比');
  });

  it('an agency files at least one known Annex 2 category', () => {
    expect(checkBasicInformation('agency', { sites: '', categories: ['eia', 'eia'] })).toEqual({
      ok: true,
      value: { sites: [], categories: ['eia'] },
    });
    const none = checkBasicInformation('agency', { sites: '', categories: [] });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues[0]).toEqual({ path: 'categories', message: expect.stringContaining('服务类别') });
    expect(checkBasicInformation('agency', { sites: '', categories: ['nonsense'] }).ok).toBe(false);
  });
});
