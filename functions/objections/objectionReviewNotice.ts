import { ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { objectionReviewNoticeId, objectionReviewNoticeText } from '../../domain/notices/objectionReview.ts';
import type { Objection } from '../../domain/objections/objection.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { NoticeStore } from '../ports/notices.ts';

/**
 * The participant is told the result of the review of its objection (Art 16(3)-(4), 17(3), 18(4):
 * "将复核结果通知参评单位"): one notice per objection, issued once (its id is the objection's).
 */
export const notifyObjectionReview = async (
  notices: Pick<NoticeStore, 'issue'>,
  o: Objection,
  records: ReadonlyMap<string, CreditRecord>,
  at: string,
  actor: string,
): Promise<void> => {
  const text = objectionReviewNoticeText({
    objection: o,
    subjectCode: o.subject.id,
    reviewedOn: legalDateOfInstant(new Date(o.reviewedAt ?? at)),
    wordings: Object.fromEntries([...records.values()].map((r) => [r.eventId, ruleByCode(r.rule)?.wording ?? r.rule])),
  });
  await notices.issue({
    id: objectionReviewNoticeId(o.id),
    kind: 'objectionReview',
    to: o.subject,
    toName: o.subjectName,
    league: o.league,
    year: o.cycle.year,
    title: text.title,
    body: text.body,
    deadline: null,
    issuedAt: o.reviewedAt ?? at,
    issuedBy: actor,
  });
};
