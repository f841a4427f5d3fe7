import { describe, expect, it } from 'vitest';
import { evaluateEnterprise } from '../../../domain/evaluation/evaluateSubject.ts';
import type { RepairApplication } from '../../../functions/ports/store.ts';
import { issueOf, publishedShape, withApprovedRepairs } from '../../../functions/publication/publishedShape.ts';
import { context, ENTERPRISE_ID, enterprise, record } from '../../support/builders.ts';

const app = (eventId: string, status: RepairApplication['status'], decidedOn: string | null): RepairApplication => ({
  id: `app-${eventId}`,
  subject: { kind: 'enterprise', id: ENTERPRISE_ID },
  eventId,
  appliedOn: '2027-03-01',
  evidence: '已整改',
  impactEliminated: false,
  verifyBy: { on: '2027-03-29', at: '2027-03-29T15:59:59.000Z', provisional: false },
  status,
  overdue: false,
  decidedOn,
  decidedBy: null,
  reason: null,
  version: 2,
});

describe('the published result as the public sees it', () => {
  const records = [
    record({ eventId: 'L', rule: 'PMT_LEDGER', occurredOn: '2026-03-01', rectifiedOn: '2026-04-01' }),
    record({ eventId: 'S', rule: 'SUP_CITY', occurredOn: '2026-02-01', rectifiedOn: '2026-03-01' }),
    record({ eventId: 'N', rule: 'HW_BASIC', occurredOn: '2027-01-10' }),
  ];

  it('Art 23: an approved repair takes effect on its decision date; pending and rejected ones do not', () => {
    const repaired = withApprovedRepairs(records, [
      app('L', 'approved', '2027-03-10'),
      app('S', 'rejected', '2027-03-11'),
      app('N', 'pending', null),
    ]);
    expect(repaired.map((r) => [r.eventId, r.repairedOn])).toEqual([
      ['L', '2027-03-10'],
      ['S', null],
      ['N', null],
    ]);
    const already = [{ ...records[0]!, repairedOn: '2027-03-09' }];
    expect(withApprovedRepairs(already, [app('L', 'approved', '2027-03-10')])[0]!.repairedOn).toBe('2027-03-09');
  });

  it('lists the year’s records only (Art 19), a repaired record with its date, and the issue it is', () => {
    const repaired = withApprovedRepairs(records, [app('L', 'approved', '2027-03-10')]);
    const result = evaluateEnterprise(enterprise(), repaired, context({ year: 2026, asOf: '2027-03-10' }));
    const reissue = {
      version: 2,
      reissuedOn: '2027-03-10',
      article: 'Art 23' as const,
      repairs: [{ eventId: 'L', repairedOn: '2027-03-10', bureau: '呼和浩特市生态环境局' }],
    };
    const shown = publishedShape(result, repaired, reissue);
    expect(shown.items.map((i) => [i.eventId, i.state, i.repairedOn])).toEqual([
      ['S', 'counted', undefined],
      ['L', 'repaired', '2027-03-10'],
    ]);
    expect(shown.score).toBe(98);
    expect(shown.reissue).toEqual(reissue);
    expect(issueOf(shown)).toBe(2);
    expect(issueOf(publishedShape(result, repaired))).toBe(1);
  });
});
