import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAgency } from '../../../domain/evaluation/agency.ts';
import { evaluateEnterprise } from '../../../domain/evaluation/enterprise.ts';
import { evaluateSubject } from '../../../domain/evaluation/evaluateSubject.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';
import { AGENCY_ID, agency, context, enterprise, record, residentId } from '../../support/builders.ts';

describe('one scored subject, by its kind', () => {
  it('an enterprise is scored by its sites (Art 16(2)), whatever staff are given', () => {
    fc.assert(
      fc.property(enterpriseRecords(), (records) => {
        const staff = [1, 2, 3].map((n) => ({ practitionerId: residentId(n), firstCountedOn: '2026-02-01' }));
        expect(evaluateSubject(enterprise(), records, staff, context())).toEqual(
          evaluateEnterprise(enterprise(), records, context()),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('an agency is scored with its staff rule (Annex 2)', () => {
    const staff = [1, 2, 3].map((n) => ({ practitionerId: residentId(n), firstCountedOn: '2026-02-01' }));
    const records = [record({ rule: 'AG_NOTIFIED', subject: { kind: 'agency', id: AGENCY_ID } })];
    const r = evaluateSubject(agency(), records, staff, context());
    expect(r).toEqual(evaluateAgency(agency(), records, staff, context()));
    expect(r).toMatchObject({ score: 70, grade: 'C' });
  });
});
