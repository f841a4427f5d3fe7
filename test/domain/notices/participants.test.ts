import { describe, expect, it } from 'vitest';
import { lateFilingNoticeId } from '../../../domain/notices/lateFiling.ts';
import { participantsNotice, participantsNoticeId } from '../../../domain/notices/participants.ts';

describe('the participants notice (Art 20)', () => {
  const text = participantsNotice({
    year: 2025,
    kind: 'agency',
    code: '91150600MA0N000001',
    name: '鄂尔多斯环评咨询有限公司',
    bureau: '鄂尔多斯市生态环境局',
    issuedOn: '2026-03-02',
    deadline: '2026-03-27',
  });

  it('names the participant, the filing deadline and what to file, with Art 20 and 32', () => {
    expect(text.title).toBe('关于参加2025年度环保信用评价的通知');
    expect(text.body).toContain('鄂尔多斯环评咨询有限公司（统一社会信用代码：91150600MA0N000001）');
    expect(text.body).toContain('请于2026年3月27日前');
    expect(text.body).toContain('基本信息');
    expect(text.body).toContain('环境行为信用信息');
    expect(text.body).toContain('环保信用承诺书');
    expect(text.body).toContain('第三十二条');
    expect(text.body).toContain('鄂尔多斯市生态环境局\n2026年3月2日');
  });

  it('cites the regulation by its title, 《内蒙古自治区环保信用评价管理暂行办法》', () => {
    expect(text.body).toContain('根据《内蒙古自治区环保信用评价管理暂行办法》');
  });

  it('has one id per participant and cycle, of the characters notice ids allow', () => {
    expect(participantsNoticeId(2025, 'agency')).toMatch(/^[A-Za-z0-9._:@-]+$/);
    expect(lateFilingNoticeId(2025, 'enterprise')).toMatch(/^[A-Za-z0-9._:@-]+$/);
    expect(participantsNoticeId(2025, 'agency')).not.toBe(participantsNoticeId(2024, 'agency'));
  });
});
