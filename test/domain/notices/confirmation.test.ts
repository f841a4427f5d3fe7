import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoredResult } from '../../../domain/evaluation/result.ts';
import { confirmationNotice, confirmationNoticeId } from '../../../domain/notices/confirmation.ts';

const result = (items: ScoredResult['items'], over: Partial<ScoredResult> = {}): ScoredResult =>
  ({
    subject: { kind: 'agency', id: '91150600MA0N000001', name: '鄂尔多斯监测有限公司', league: '150600' },
    year: 2025,
    asOf: '2026-04-01',
    status: 'live',
    items,
    pending: [],
    notes: [],
    score: 100 + items.reduce((s, i) => s + (i.state === 'counted' ? i.points : 0), 0),
    grade: 'B',
    gradeName: '环保良好单位',
    directD: false,
    blacklisted: false,
    samplingMultiplier: 0.5,
    ...over,
  }) as unknown as ScoredResult;

const item = (eventId: string, points: number, state: 'counted' | 'revoked' = 'counted') =>
  ({
    eventId,
    rule: 'AG_NOTIFIED',
    wording: '被通报批评',
    points,
    state,
    article: 'Annex 2',
    articleName: '附件2',
    occurredOn: '2025-06-01',
  }) as ScoredResult['items'][number];

const facts = (r: ScoredResult) => ({
  year: 2025,
  kind: 'agency' as const,
  code: '91150600MA0N000001',
  name: '鄂尔多斯监测有限公司',
  bureau: '鄂尔多斯市生态环境局',
  issuedOn: '2026-04-01',
  deadline: '2026-04-09',
  article: 'Art 17(3)',
  result: r,
});

describe('the confirmation notice (Art 17(3))', () => {
  it('lists the counted records with their points, the pre-grade and the objection deadline', () => {
    const text = confirmationNotice(facts(result([item('R-1', -10), item('R-2', -5, 'revoked')])));
    expect(text.title).toBe('关于确认2025年度环境信用信息和预评结果的通知');
    expect(text.body).toContain('根据《内蒙古自治区环保信用评价管理暂行办法》第十七条第三项');
    expect(text.body).toContain('被通报批评：扣10分（Annex 2，记录编号 R-1）');
    expect(text.body).not.toContain('R-2');
    expect(text.body).toContain('预评得分90分，预评等级为B级（环保良好单位）');
    expect(text.body).toContain('请于2026年4月9日前');
    expect(text.body).toContain('鄂尔多斯市生态环境局\n2026年4月1日');
  });

  it('says so when nothing counts, and when a grade is withheld (I15)', () => {
    expect(confirmationNotice(facts(result([]))).body).toContain('本年度无计分的环境信用记录');
    expect(confirmationNotice(facts(result([], { grade: null, gradeName: null }))).body).toContain('暂不评定等级');
  });

  it('names every counted record, whatever the records', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}-\d{1,4}$/), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 12, maxLength: 12 }),
        (ids, points) => {
          const body = confirmationNotice(facts(result(ids.map((id, i) => item(id, -points[i]!))))).body;
          return ids.every((id, i) => body.includes(`扣${points[i]}分（Annex 2，记录编号 ${id}）`));
        },
      ),
    );
  });

  it('has one id per cycle, of the characters notice ids allow', () => {
    expect(confirmationNoticeId(2025, 'agency')).toMatch(/^[A-Za-z0-9._:@-]+$/);
    expect(confirmationNoticeId(2025, 'agency')).not.toBe(confirmationNoticeId(2024, 'agency'));
  });

  it('Art 18(4), 18(6): a practitioner’s notice says 本人, gives the Art 13 verdict and masks the resident identity number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-6][0-9]{16}[0-9X]$/), fc.boolean(), (id, dishonest) => {
        const r = {
          subject: { kind: 'practitioner', id, name: '王志强' },
          year: 2025,
          asOf: '2026-04-01',
          status: 'live',
          items: [item('P-1', 0)],
          pending: [],
          notes: [],
          dishonest,
          gradeName: dishonest ? '环保失信个人' : null,
          records: 1,
        } as unknown as ScoredResult;
        const text = confirmationNotice({
          ...facts(r),
          kind: 'practitioner',
          code: id,
          name: '王志强',
          article: 'Art 18(4)',
        });
        expect(text.body).not.toContain(id);
        expect(text.body).toContain(`王志强（公民身份号码：${id.slice(0, 6)}********${id.slice(14)}）`);
        expect(text.body).toContain('现将本人2025年度');
        expect(text.body).toContain('第十八条第四项');
        expect(text.body).toContain(dishonest ? '预评结果为环保失信个人' : '预评结果为未发现环保失信行为');
      }),
    );
  });
});
