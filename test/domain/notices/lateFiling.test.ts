import { describe, expect, it } from 'vitest';
import { lateFilingNotice } from '../../../domain/notices/lateFiling.ts';

describe('the late-filing note (Art 20, 32)', () => {
  it('says the window closed on its date, that a late filing is still accepted, and no incentives', () => {
    const t = lateFilingNotice({
      year: 2025,
      code: '91150600MA0N000001',
      name: '某机构',
      bureau: '鄂尔多斯市生态环境局',
      closedOn: '2026-03-27',
      issuedOn: '2026-03-28',
    });
    expect(t.body).toContain('已于2026年3月27日届满');
    expect(t.body).toContain('记为逾期填报');
    expect(t.body).toContain('不享受激励性措施');
  });
});
