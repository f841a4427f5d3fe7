import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import type { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import { DynamoPractitionerFilings } from '../../../functions/adapters/dynamoPractitionerFilings.ts';
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

/** A practitioner filed by agency `n` of the filing fixture for 2025, listed by the bureau or left pending (Art 18(1)). */
export const filePractitioner = async (
  fx: { client: DynamoDBClient; clock: { now(): Date } },
  table: string,
  n: number,
  residentId: string,
  status: 'listed' | 'pending',
) => {
  const filings = new DynamoPractitionerFilings(documentClient(fx.client), table);
  const employer = { kind: 'agency' as const, code: entryOf(n).code, name: entryOf(n).name };
  await filings.file({
    year: 2025,
    league: LEAGUE,
    employer,
    residentId,
    name: '王志强',
    position: '项目负责人',
    status: 'pending',
    filedAt: fx.clock.now().toISOString(),
    filedBy: `staff:agency:${employer.code}`,
    reason: null,
    decidedBy: null,
    decidedAt: null,
  });
  if (status === 'listed')
    await filings.decide(
      { year: 2025, league: LEAGUE, employer, residentId },
      { status: 'listed', reason: null, decidedBy: `staff:league:${LEAGUE}`, decidedAt: fx.clock.now().toISOString() },
    );
  return filings;
};

/** A practitioner's confirmation notice of 2025 (Art 18(4)). */
export const issuePractitionerNotice = (notices: DynamoNotices, residentId: string, year = 2025) =>
  notices.issue({
    id: `confirmation-${year}-practitioner`,
    kind: 'confirmation',
    to: { kind: 'practitioner', id: residentId },
    toName: '王志强',
    league: LEAGUE,
    year,
    title: `关于确认${year}年度环境信用信息和预评结果的通知`,
    body: '正文',
    deadline: '2026-04-09',
    issuedAt: '2026-04-01T02:00:00.000Z',
    issuedBy: `staff:league:${LEAGUE}`,
  });

/**
 * Two practitioners filed by agency 1 of the filing fixture, `listed` listed by the bureau and
 * `pending` not yet, each with its confirmation notice issued; answers the filings' store.
 */
export const fileListedAndPending = async (
  fx: { client: DynamoDBClient; clock: { now(): Date }; table: string; notices: DynamoNotices },
  listed: string,
  pending: string,
) => {
  const filings = await filePractitioner(fx, fx.table, 1, listed, 'listed');
  await filePractitioner(fx, fx.table, 1, pending, 'pending');
  await issuePractitionerNotice(fx.notices, listed);
  await issuePractitionerNotice(fx.notices, pending);
  return filings;
};
