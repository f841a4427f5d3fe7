import type { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import { entryOf, LEAGUE } from '../filing/fixture.ts';

/** A late-filing note issued to agency 1 of the filing fixture. */
export const issueLateNote = (notices: DynamoNotices, n = 1, issuedAt = '2026-03-31T01:00:00.000Z') => {
  const e = entryOf(n);
  return notices.issue({
    id: 'lateFiling-2025-agency',
    kind: 'lateFiling',
    to: { kind: 'agency', id: e.code },
    toName: e.name,
    league: LEAGUE,
    year: 2025,
    title: '2025年度环保信用评价逾期填报告知',
    body: '正文',
    deadline: null,
    issuedAt,
    issuedBy: 'system:deadline',
  });
};
