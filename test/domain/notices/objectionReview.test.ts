import { describe, expect, it } from 'vitest';
import {
  OBJECTION_REVIEW_TITLE,
  objectionReviewNoticeId,
  objectionReviewNoticeText,
} from '../../../domain/notices/objectionReview.ts';
import { type Objection, PRE_GRADE } from '../../../domain/objections/objection.ts';
import { uscc } from '../../support/builders.ts';

const ID = uscc(901, '150600');
const reviewedObjection: Objection = {
  id: `agency-${ID}-2025-0123456789ab`,
  kind: 'confirmation',
  cycle: { year: 2025, kind: 'agency' },
  league: '150600',
  subject: { kind: 'agency', id: ID },
  subjectName: '鄂尔多斯市测试监测有限公司',
  records: ['R-1', 'R-2'],
  preGrade: true,
  reasons: '有误',
  evidenceFiles: [],
  filedAt: '2026-04-02T02:00:00Z',
  filedOn: '2026-04-02',
  filedBy: `staff:agency:${ID}`,
  windowClosesOn: '2026-04-09',
  status: 'reviewed',
  reviews: [
    { target: 'R-1', outcome: 'revoked', reasons: '通报已撤回' },
    {
      target: 'R-2',
      outcome: 'corrected',
      reasons: '日期有误',
      correction: {
        eventId: 'R-2.c1',
        rule: 'AG_INTERVIEWED',
        occurredOn: '2025-07-01',
        fineYuan: null,
        summary: null,
      },
    },
    { target: PRE_GRADE, outcome: 'upheld', reasons: '按复核后的信息评定' },
  ],
  reviewedAt: '2026-04-10T02:00:00Z',
  reviewedBy: 'staff:league:150600',
};

describe('the objection-review-result notice (Art 17(3) "将复核结果通知参评单位")', () => {
  it('gives each disputed item its conclusion and reasons, with the bureau and the date', () => {
    const { title, body } = objectionReviewNoticeText({
      objection: reviewedObjection,
      subjectCode: ID,
      reviewedOn: '2026-04-10',
      wordings: { 'R-1': '在工作中因严重违反相关规定被生态环境主管部门通报或函告整改的' },
    });
    expect(title).toBe(OBJECTION_REVIEW_TITLE);
    expect(body).toContain(`鄂尔多斯市测试监测有限公司（统一社会信用代码：${ID}）`);
    expect(body).toContain('你单位于2026年4月2日对2025年度环保信用评价');
    expect(body).toContain('第十七条第三项');
    expect(body).toContain(
      '1. 信用信息“在工作中因严重违反相关规定被生态环境主管部门通报或函告整改的”（事件编号 R-1）：撤销。理由：通报已撤回',
    );
    expect(body).toContain(
      '2. 信用信息“R-2”（事件编号 R-2）：更正。理由：日期有误。更正后的信用信息为事件编号 R-2.c1（发生日期2025年7月1日）。',
    );
    expect(body).toContain('3. 预评等级整体：维持。理由：按复核后的信息评定');
    expect(body).toContain('鄂尔多斯市生态环境局');
    expect(body.endsWith('2026年4月10日')).toBe(true);
  });

  it('Art 18(4), 18(6): a practitioner’s notice says 你 and the Art 18(4) item, with the resident identity number masked', () => {
    const person = '150602199001010315';
    const { body } = objectionReviewNoticeText({
      objection: { ...reviewedObjection, subject: { kind: 'practitioner', id: person }, subjectName: '王志强' },
      subjectCode: person,
      reviewedOn: '2026-04-10',
      wordings: {},
    });
    expect(body).toContain('王志强（公民身份号码：150602********0315）');
    expect(body).not.toContain(person);
    expect(body).toContain('你于2026年4月2日');
    expect(body).toContain('第十八条第四项');
  });

  it('has an id derived from the objection, so issuing it twice changes nothing', () => {
    expect(objectionReviewNoticeId(reviewedObjection.id)).toBe(`objection-${reviewedObjection.id}`);
    expect(objectionReviewNoticeId(reviewedObjection.id)).toMatch(/^[A-Za-z0-9._:@-]+$/);
  });
});
