import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measuresForPractitioner } from '../../../domain/evaluation/measures.ts';
import { type CountedRecord, dishonestLetter, dishonestLetterId } from '../../../domain/notices/dishonestLetter.ts';

const rec = (over: Partial<CountedRecord> = {}): CountedRecord => ({
  eventId: 'PR-1',
  rule: 'PR_FRAUD_IN_SERVICE',
  wording: '接受委托在项目咨询服务中弄虚作假，未能客观、公正履行审查职责造成严重后果或恶劣影响的',
  occurredOn: '2025-06-01',
  department: '鄂尔多斯市生态环境局',
  league: '150600',
  ...over,
});

const facts = (over: Partial<Parameters<typeof dishonestLetter>[0]> = {}) => ({
  year: 2025,
  residentId: '150602199001010017',
  name: '赵文博',
  employerName: '鄂尔多斯市环评有限公司',
  bureau: '鄂尔多斯市生态环境局',
  league: '150600',
  records: [
    rec(),
    rec({ eventId: 'PR-2', league: '150200', department: '包头市生态环境局', occurredOn: '2025-08-15' }),
  ],
  measures: measuresForPractitioner(true),
  issuedOn: '2026-05-20',
  ...over,
});

describe('the letter to an environmental-dishonest individual (函告, Art 18(6))', () => {
  it('names the individual with the number masked, the employer, and the finding under Art 13 and 18(3)', () => {
    const { title, body } = dishonestLetter(facts());
    expect(title).toBe('关于赵文博被评定为环保失信个人的函');
    expect(body).toContain('赵文博（公民身份号码：150602********0017，工作单位：鄂尔多斯市环评有限公司）');
    expect(body).not.toContain('150602199001010017');
    expect(body).toContain('第十三条、第十八条第三项和第六项');
    expect(body).toContain('在2025年度被评定为环保失信个人');
  });

  it('lists every counted record with its date, department and wording, marking the sender’s own', () => {
    const { body } = dishonestLetter(facts());
    expect(body).toContain('1. 2025年6月1日，鄂尔多斯市生态环境局：接受委托在项目咨询服务中弄虚作假');
    expect(body).toContain('记录编号 PR-1，本局认定');
    expect(body).toContain('2. 2025年8月15日，包头市生态环境局');
    expect(body).toContain('记录编号 PR-2）');
  });

  it('states the measures of Art 33 as catalogued, the repair path of Art 25-26, and the issuing bureau and date', () => {
    const { body } = dishonestLetter(facts());
    for (const m of measuresForPractitioner(true)) expect(body).toContain(m.text);
    expect(body).toContain('第二十五条、第二十六条');
    expect(body.endsWith('鄂尔多斯市生态环境局\n2026年5月20日')).toBe(true);
  });

  it('every record appears once, whatever the records', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}-[0-9]{1,4}$/), { minLength: 1, maxLength: 8 }), (ids) => {
        const { body } = dishonestLetter(facts({ records: ids.map((eventId) => rec({ eventId })) }));
        for (const id of ids) expect(body.split(`记录编号 ${id}，`).length - 1).toBe(1);
      }),
    );
  });

  it('has one id per year and sending bureau', () => {
    expect(dishonestLetterId(2025, '150600')).toBe('dishonestLetter-2025-150600');
    expect(dishonestLetterId(2025, '150600')).toMatch(/^[A-Za-z0-9._:@-]+$/);
  });
});
