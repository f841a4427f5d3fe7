import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { DISHONEST_INDIVIDUAL_NAME, evaluatePractitioner } from '../../../domain/evaluation/practitioner.ts';
import { context, practitioner, record } from '../../support/builders.ts';

describe('practitioners (Art 13, 18)', () => {
  const p = practitioner(5);
  const onP = { kind: 'practitioner' as const, id: p.id };

  it('two counted records in the year make an environmental-dishonest individual', () => {
    const r = evaluatePractitioner(
      p,
      [
        record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP, department: '150100-EEB' }),
        record({ rule: 'PR_QUALIFICATION_LENDING', subject: onP, department: '150200-EEB', league: '150200' }),
      ],
      context(),
    );
    expect(r).toMatchObject({ dishonest: true, records: 2, firstCountedOn: '2026-03-01' });
    expect(r.measures.map((m) => m.article)).toEqual(['Art 33(1)', 'Art 33(2)', 'Art 33(3)']);
  });

  it('one record is not enough; a record of the previous year does not count', () => {
    const r = evaluatePractitioner(
      p,
      [
        record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP }),
        record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP, occurredOn: '2025-12-31' }),
      ],
      context(),
    );
    expect(r).toMatchObject({ dishonest: false, records: 1 });
  });

  it('I5: records of one department count together by default; the option demands two departments', () => {
    const rs = [
      record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP }),
      record({ rule: 'PR_QUALIFICATION_LENDING', subject: onP }),
    ];
    const byDefault = evaluatePractitioner(p, rs, context());
    expect(byDefault.dishonest).toBe(true);
    expect(byDefault.notes[0]).toMatch(/^I5:/);
    const strict = evaluatePractitioner(p, rs, context({ options: { requireDistinctDepartments: true } }));
    expect(strict.dishonest).toBe(false);
    expect(strict.notes[0]).toMatch(/^I5: 2 records from one department; two departments required/);
  });

  it('I15: a suspended practitioner gets no verdict', () => {
    const r = evaluatePractitioner(practitioner(6, { suspended: { reason: '涉嫌犯罪' } }), [], context());
    expect(r.dishonest).toBeNull();
  });
});

describe('Art 13, I5: the verdict counts the year’s records (property)', () => {
  const p = practitioner(7);
  const onP = { kind: 'practitioner' as const, id: p.id };
  const departments = ['150100-EEB', '150200-EEB', '150300-EEB'];
  const records = fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 500 }),
      department: fc.constantFrom(...departments),
      revoked: fc.boolean(),
    }),
    { maxLength: 6 },
  );

  it('dishonest exactly when two records count in the year; with the option, when two departments made them', () => {
    fc.assert(
      fc.property(records, fc.boolean(), (specs, requireDistinctDepartments) => {
        const rs = specs.map((s, i) => {
          const occurredOn = addDays('2025-10-01', s.day);
          return record({
            eventId: `R${i}`,
            rule: 'PR_FRAUD_IN_SERVICE',
            subject: onP,
            department: s.department,
            occurredOn,
            revokedOn: s.revoked ? occurredOn : undefined,
          });
        });
        const inYear = rs.filter(
          (r) => r.occurredOn.startsWith('2026') && r.occurredOn <= '2027-03-31' && r.revokedOn === null,
        );
        const r = evaluatePractitioner(p, rs, context({ asOf: '2027-03-31', options: { requireDistinctDepartments } }));
        expect(r.records).toBe(inYear.length);
        const expected = requireDistinctDepartments
          ? new Set(inYear.map((x) => x.department)).size >= 2
          : inYear.length >= 2;
        expect(r.dishonest).toBe(expected);
        expect(r.gradeName).toBe(expected ? DISHONEST_INDIVIDUAL_NAME : null);
        expect(r.firstCountedOn).toBe(inYear.map((x) => x.occurredOn).sort()[0] ?? null);
      }),
      { numRuns: 200 },
    );
  });
});
