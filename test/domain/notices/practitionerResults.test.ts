import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bureauAddressee,
  isBureauAddressee,
  practitionerResultsNotice,
  practitionerResultsNoticeId,
} from '../../../domain/notices/practitionerResults.ts';

const facts = (over: Partial<Parameters<typeof practitionerResultsNotice>[0]> = {}) => ({
  year: 2025,
  bureau: '鄂尔多斯市生态环境局',
  issuedOn: '2026-05-20',
  practitioners: [
    { residentId: '150602199001010017', name: '赵文博', dishonest: true, records: 2 },
    { residentId: '150602199001020025', name: '钱立新', dishonest: false, records: 1 },
    { residentId: '150602199001030033', name: '孙海', dishonest: null, records: 0 },
  ],
  ...over,
});

describe('the region’s notice of practitioners’ results to a league (Art 18(6))', () => {
  it('lists each practitioner with the number masked, the finding and the counted records', () => {
    const { title, body } = practitionerResultsNotice(facts());
    expect(title).toBe('关于2025年度相关从业人员环保信用评定结果的通知');
    expect(body.startsWith('鄂尔多斯市生态环境局：')).toBe(true);
    expect(body).toContain('1. 赵文博（公民身份号码：150602********0017）：环保失信个人，计入失信记录2条。');
    expect(body).toContain('2. 钱立新（公民身份号码：150602********0025）：未评定为环保失信个人，计入失信记录1条。');
    expect(body).toContain('3. 孙海（公民身份号码：150602********0033）：暂不评定');
    expect(body).toContain('不公布、不公示');
    expect(body).toContain('其中评定为环保失信个人的1人，由认定失信的生态环境局进行函告');
    expect(body.endsWith('内蒙古自治区生态环境厅\n2026年5月20日')).toBe(true);
  });

  it('never writes a whole resident identity number', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^15[0-9]{15}[0-9X]$/), { minLength: 1, maxLength: 5 }), (ids) => {
        const { body } = practitionerResultsNotice(
          facts({
            practitioners: ids.map((residentId) => ({ residentId, name: '某某', dishonest: true, records: 2 })),
          }),
        );
        for (const id of ids) expect(body).not.toContain(id);
      }),
    );
  });

  it('says so when the league listed nobody, and keeps the bureau’s address apart from any resident number', () => {
    expect(practitionerResultsNotice(facts({ practitioners: [] })).body).toContain('本盟市本年度无参评相关从业人员');
    expect(bureauAddressee('150600').id).not.toMatch(/^[0-9]{17}[0-9X]$/);
    expect(practitionerResultsNoticeId(2025)).toBe('practitionerResults-2025');
    expect(isBureauAddressee(bureauAddressee('150600'))).toBe(true);
    expect(isBureauAddressee({ kind: 'practitioner', id: '150602199001010017' })).toBe(false);
  });
});
