import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { chineseLegalDate, warningNoticeText } from '../../../domain/notices/warning.ts';

const data = {
  eventId: 'WARN-150600-20260901-0123456789ab',
  subjectName: '鄂尔多斯市整改示范有限公司',
  subjectCode: '91150600MA0000001X',
  league: '150600' as const,
  issuedOn: '2026-09-01',
  occurredOn: '2026-08-20',
  wording: '未按照排污许可证要求进行自行监测',
  pointsText: '扣3分',
  description: '现场检查发现自行监测数据缺失。',
  rectificationRequired: '补齐自行监测方案。',
  deadline: '2026-09-15',
};

describe('the credit warning notice (Art 21-22)', () => {
  it('says who is warned, the behaviour, the rectification required, the deadline and what follows (I8)', () => {
    const { title, body } = warningNoticeText(data);
    expect(title).toBe('环保信用预警通知书');
    expect(body).toContain('鄂尔多斯市整改示范有限公司（统一社会信用代码：91150600MA0000001X）');
    expect(body).toContain('2026年8月20日，我局发现你单位存在以下环保信用失信行为：未按照排污许可证要求进行自行监测。');
    expect(body).toContain('整改要求：补齐自行监测方案。');
    expect(body).toContain('请你单位于2026年9月15日前（含当日）完成有效整改');
    expect(body).toContain('在评价期内不予扣分');
    expect(body).toContain('自发生之日（2026年8月20日）起计入环保信用评价（扣3分）');
    expect(body.endsWith('鄂尔多斯市生态环境局\n2026年9月1日')).toBe(true);
  });

  it('writes every date as the regulation does, without leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const d = addDays('2024-01-01', n);
        const [y, m, dd] = d.split('-').map(Number);
        expect(chineseLegalDate(d)).toBe(`${y}年${m}月${dd}日`);
      }),
    );
  });
});
