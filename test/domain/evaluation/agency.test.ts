import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { evaluateAgency, staffRecordsEventId } from '../../../domain/evaluation/agency.ts';
import { evaluateEnterprise } from '../../../domain/evaluation/enterprise.ts';
import { ENTERPRISE_CODES } from '../../support/arbitraries.ts';
import { AGENCY_ID, agency, context, enterprise, record, residentId } from '../../support/builders.ts';

describe('agencies (Art 12, 17; Annex 2)', () => {
  const onAgency = { kind: 'agency' as const, id: AGENCY_ID };

  it('deducts from 100 and grades: 100 − 10 − 10 = 80, B', () => {
    const r = evaluateAgency(
      agency(),
      [record({ rule: 'AG_NOTIFIED', subject: onAgency }), record({ rule: 'AG_INTERVIEWED', subject: onAgency })],
      [],
      context(),
    );
    expect(r).toMatchObject({ score: 80, grade: 'B', samplingMultiplier: 0.5 });
  });

  it('does not count a category rule the agency lacks', () => {
    const r = evaluateAgency(
      agency({ categories: ['monitoring'] }),
      [record({ rule: 'AG_EIA_BLACKLIST', subject: onAgency })],
      [],
      context(),
    );
    expect(r.score).toBe(100);
    expect(r.items[0]!.state).toBe('not-applicable');
  });

  it('derives −20 when three staff have records in the year', () => {
    const staff = [
      { practitionerId: residentId(1), firstCountedOn: '2026-02-01' },
      { practitionerId: residentId(2), firstCountedOn: '2026-05-01' },
      { practitionerId: residentId(3), firstCountedOn: '2026-03-01' },
    ];
    const r = evaluateAgency(agency(), [], staff, context());
    expect(r).toMatchObject({ score: 80, grade: 'B' });
    expect(r.items).toEqual([
      {
        eventId: staffRecordsEventId(AGENCY_ID, 2026),
        rule: 'AG_STAFF_RECORDS',
        wording: '评价年度机构内3名及以上工作人员出现不良信用记录',
        points: -20,
        state: 'counted',
        article: 'Annex 2',
        articleName: '附件2',
        occurredOn: '2026-05-01',
      },
    ]);
    expect(evaluateAgency(agency(), [], staff.slice(0, 2), context()).score).toBe(100);
  });

  it('Art 18(6), Art 35: the derived staff record’s note does not name the practitioners', () => {
    const staff = [1, 2, 3].map((n) => ({ practitionerId: residentId(n), firstCountedOn: '2026-02-01' }));
    const r = evaluateAgency(agency(), [], staff, context());
    const text = JSON.stringify([r.notes, r.noteDetails, r.items]);
    for (const s of staff) expect(text).not.toContain(s.practitionerId);
    expect(r.noteDetails).toEqual([
      { id: 'Annex 2', text: '2026年度机构内3名工作人员出现不良信用记录，扣20分（附件2）' },
    ]);
  });

  it('Art 14: an agency direct-D record carries no points but makes the grade D; Art 31(2) bars procurement', () => {
    const r = evaluateAgency(agency(), [record({ rule: 'AG_D14_PERMIT_FRAUD', subject: onAgency })], [], context());
    expect(r).toMatchObject({ score: 100, grade: 'D', directD: true });
    expect(r.measures.map((m) => m.text)).toContain('各级政府或者有关部门不得采购其环境服务');
  });

  it('I4: takes the client record’s points', () => {
    const client = record({ eventId: 'C1', rule: 'EIA_QUALITY' });
    const r = evaluateAgency(
      agency(),
      [record({ rule: 'AG_CLIENT_DEDUCTED', clientEventId: 'C1', subject: onAgency })],
      [],
      context({ clients: [client] }),
    );
    expect(r.score).toBe(90);
  });
});

describe('Annex 2: the staff rule (property)', () => {
  it('derives −20 exactly when three or more staff have records, dated on the third staff member’s first record', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 6 }), (days) => {
        const staff = days.map((d, i) => ({
          practitionerId: residentId(i + 1),
          firstCountedOn: addDays('2026-01-01', d),
        }));
        const r = evaluateAgency(agency(), [], staff, context());
        const derived = r.items.filter((i) => i.rule === 'AG_STAFF_RECORDS');
        if (staff.length < 3) {
          expect(derived).toEqual([]);
          expect(r.score).toBe(100);
        } else {
          expect(derived).toHaveLength(1);
          expect(derived[0]).toMatchObject({
            eventId: staffRecordsEventId(AGENCY_ID, 2026),
            points: -20,
            occurredOn: staff.map((s) => s.firstCountedOn).sort()[2],
          });
          expect(r.score).toBe(80);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('I4: an agency record never gains from its client’s record, and takes exactly its deduction', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENTERPRISE_CODES), (rule) => {
        const client = record({ eventId: 'C1', rule, legalBasis: rule === 'D14_OTHER_LEGAL' ? '法' : undefined });
        const own = record({
          rule: 'AG_CLIENT_DEDUCTED',
          clientEventId: 'C1',
          subject: { kind: 'agency', id: AGENCY_ID },
        });
        const r = evaluateAgency(agency(), [own], [], context({ clients: [client] }));
        const clientPoints = evaluateEnterprise(enterprise(), [client], context()).items[0]!.points;
        expect(r.items[0]!.points).toBe(Math.min(0, clientPoints));
      }),
      { numRuns: 100 },
    );
  });
});
