import { describe, expect, it } from 'vitest';
import { evaluateAgency, evaluateEnterprise, evaluatePractitioner, staffRecordsEventId } from '../../../domain/evaluation/evaluateSubject.ts';
import { AGENCY_ID, agency, context, enterprise, practitioner, record, residentId } from '../../support/builders.ts';

const P1 = 'P1';
const P2 = 'P2';
const atSite = (siteId: string) => ({ kind: 'enterprise' as const, id: enterprise().id, siteId });

describe('enterprises (Art 11, 14, 16)', () => {
  it('worked example: merged case, bonus, revoked record → 93.0, B', () => {
    const r = evaluateEnterprise(enterprise(), [
      record({ eventId: 'F', rule: 'ENF_FINE', fineYuan: 600_000, caseNo: '案1' }), // −1.5, merged into S
      record({ eventId: 'S', rule: 'ENF_SEIZURE', caseNo: '案1' }), // −5
      record({ eventId: 'L', rule: 'PMT_LEDGER' }), // −3
      record({ eventId: 'H', rule: 'HW_FAIL', revokedOn: '2026-04-01' }), // revoked
      record({ eventId: 'B', rule: 'SR_PRAISE', occurredOn: '2026-05-01' }), // +1
    ], context());
    expect(r).toMatchObject({ score: 93, grade: 'B', directD: false, samplingMultiplier: 0.5, blacklisted: false });
    expect(Object.fromEntries(r.items.map((i) => [i.eventId, [i.state, i.points]]))).toEqual({
      F: ['merged', -1.5], S: ['counted', -5], L: ['counted', -3], H: ['revoked', -2], B: ['counted', 1],
    });
    expect(r.items.find((i) => i.eventId === 'S')!.article).toBe('Annex 1');
    expect(r.notes).toContain('I16: F merged into S (case 案1)');
  });

  it.each([
    [['ENF_SEIZURE'], 95, 'A'],
    [['ENF_SEIZURE', 'ENF_FINE'], 94.5, 'B'],
    [['EIA_QUALITY', 'EIA_UNAPPROVED', 'ENF_SEIZURE'], 75, 'B'],
    [['EIA_QUALITY', 'EIA_UNAPPROVED', 'ENF_SEIZURE', 'ENF_FINE'], 74.5, 'C'],
    [['EIA_QUALITY', 'EIA_UNAPPROVED', 'EIA_ACCEPTANCE', 'PMT_NO_PERMIT'], 60, 'C'],
    [['EIA_QUALITY', 'EIA_UNAPPROVED', 'EIA_ACCEPTANCE', 'PMT_NO_PERMIT', 'ENF_FINE'], 59.5, 'D'],
  ])('grade boundary: %j → %d, %s (Art 11)', (rules, score, grade) => {
    const r = evaluateEnterprise(enterprise(), rules.map((rule) => record({ rule, fineYuan: rule === 'ENF_FINE' ? 100_000 : undefined })), context());
    expect([r.score, r.grade]).toEqual([score, grade]);
  });

  it('Art 14(2): a direct-D record makes the grade D at 90 points', () => {
    const r = evaluateEnterprise(enterprise(), [record({ eventId: 'X', rule: 'SR_EVASION_UNCOMPLIED' })], context());
    expect(r).toMatchObject({ score: 90, grade: 'D', directD: true, samplingMultiplier: 1.5 });
    expect(r.notes).toContain('Art 14(2): X is a direct-D case; grade D whatever the score');
    expect(r.measures.map((m) => m.article)).toContain('Art 31(1)');
  });

  it('I1: a permit obtained by fraud deducts 10 and is direct D, and the note says why', () => {
    const r = evaluateEnterprise(enterprise(), [record({ eventId: 'X', rule: 'SR_PERMIT_FRAUD' })], context());
    expect(r).toMatchObject({ score: 90, grade: 'D', directD: true });
    expect(r.notes.some((n) => n.startsWith('I1:'))).toBe(true);
  });

  it('Art 16(2): the legal entity is the output-share-weighted score of its sites', () => {
    const r = evaluateEnterprise(enterprise({ sites: [{ siteId: P1, outputShare: 0.6 }, { siteId: P2, outputShare: 0.4 }] }), [
      record({ rule: 'EIA_QUALITY', subject: atSite(P1) }), // site 1: 90
      record({ rule: 'PMT_LEDGER', subject: atSite(P2) }), // site 2: 97
    ], context());
    // 0.6 × 90 + 0.4 × 97 = 54 + 38.8 = 92.8
    expect(r).toMatchObject({ score: 92.8, grade: 'B' });
    expect(r.sites).toEqual([
      { siteId: P1, outputShare: 0.6, weight: 0.6, score: 90, grade: 'B', directD: false },
      { siteId: P2, outputShare: 0.4, weight: 0.4, score: 97, grade: 'A', directD: false },
    ]);
  });

  it('I16 applies per site: an entity-level measure of a case merges only where a site has a larger one', () => {
    // Found by the property "revoking a deduction never lowers a score": merging E0 (entity, −3,
    // counts at every site) into E1 (site P2, −5) once made revoking E1 lower the score (98 → 97).
    const subject = enterprise({ sites: [{ siteId: P1, outputShare: 0.6 }, { siteId: P2, outputShare: 0.4 }] });
    const e0 = record({ eventId: 'E0', rule: 'ENF_CONFISCATION', caseNo: '案2' });
    const e1 = record({ eventId: 'E1', rule: 'ENF_SUSPENSION', caseNo: '案2', subject: atSite(P2) });
    const both = evaluateEnterprise(subject, [e0, e1], context());
    // P1: 100 − 3 = 97; P2: 100 − 5 = 95 (E0 merged into E1 there); 0.6 × 97 + 0.4 × 95 = 96.2
    expect(both.sites!.map((s) => s.score)).toEqual([97, 95]);
    expect(both.score).toBe(96.2);
    expect(both.items.map((i) => [i.eventId, i.state])).toEqual([['E0', 'counted'], ['E1', 'counted']]);
    expect(both.notes).toContain('I16: E0 merged into E1 at site P2 (case 案2)');
    const revoked = evaluateEnterprise(subject, [e0, { ...e1, revokedOn: '2026-04-01' }], context());
    expect(revoked.score).toBe(97);
    expect(revoked.score).toBeGreaterThanOrEqual(both.score);
  });

  it('I9: a direct-D record at one site makes the legal entity direct D', () => {
    const r = evaluateEnterprise(enterprise({ sites: [{ siteId: P1, outputShare: 0.9 }, { siteId: P2, outputShare: 0.1 }] }), [
      record({ rule: 'SR_EVASION_UNCOMPLIED', subject: atSite(P2) }),
    ], context());
    expect(r).toMatchObject({ score: 99, grade: 'D', directD: true });
    expect(r.sites!.map((s) => s.grade)).toEqual(['A', 'D']);
    expect(r.notes).toContain('I9: a direct-D record at one site makes the legal entity direct D');
  });

  it('I9: a site known only from its records has no share, so all sites weigh equally', () => {
    const r = evaluateEnterprise(enterprise({ sites: [{ siteId: P1, outputShare: 1 }] }), [
      record({ rule: 'EIA_QUALITY', subject: atSite('P9') }),
    ], context());
    // (100 + 90) / 2 = 95
    expect(r.score).toBe(95);
    expect(r.notes[0]).toMatch(/^I9: output shares missing \(P9\)/);
  });

  it('a record without a site concerns the whole legal entity: it counts at every site', () => {
    const r = evaluateEnterprise(enterprise({ sites: [{ siteId: P1, outputShare: 0.5 }, { siteId: P2, outputShare: 0.5 }] }), [
      record({ rule: 'PMT_LEDGER', subject: atSite(P1) }),
      record({ eventId: 'ENT', rule: 'SR_COMMENDATION' }),
    ], context());
    // site 1: 100 − 3 + 3 = 100; site 2: 103; entity 101.5 (I2: not capped)
    expect(r.sites!.map((s) => s.score)).toEqual([100, 103]);
    expect(r.score).toBe(101.5);
    expect(r.notes).toContain('I2: score above 100 is not capped');
  });

  it('I2: no floor below zero', () => {
    const r = evaluateEnterprise(enterprise(), Array.from({ length: 11 }, () => record({ rule: 'EIA_QUALITY' })), context());
    expect(r.score).toBe(-10);
    expect(r.notes).toContain('I2: score below 0 is not floored');
  });

  it('lists the pending credit warnings with their deadline (Art 22)', () => {
    const r = evaluateEnterprise(enterprise(), [
      record({ eventId: 'W', rule: 'PMT_LEDGER', occurredOn: '2026-03-14', warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' } }),
    ], context({ asOf: '2026-04-01' }));
    expect(r.score).toBe(100);
    expect(r.pending).toEqual([{ eventId: 'W', rule: 'PMT_LEDGER', points: -3, state: 'warning', deadline: '2026-04-14' }]);
  });

  it('Art 27: lists the earliest repair date of each rectified counted deduction', () => {
    const r = evaluateEnterprise(enterprise(), [
      record({ eventId: 'A', rule: 'PMT_LEDGER', rectifiedOn: '2026-04-01' }),
      record({ eventId: 'B', rule: 'ENF_SEIZURE', rectifiedOn: '2026-08-31' }),
      record({ eventId: 'C', rule: 'EIA_QUALITY' }),
    ], context());
    expect(r.repair).toEqual([
      { eventId: 'A', earliestOn: '2026-04-01', waitMonths: 0, article: 'Art 27', impactEliminationRequired: false },
      { eventId: 'B', earliestOn: '2026-10-31', waitMonths: 2, article: 'Art 27', impactEliminationRequired: false },
    ]);
  });

  it('Art 19 / I10: three consecutive published D grades blacklist and double the inspections', () => {
    const history = [2023, 2024, 2025].map((year) => ({ year, grade: 'D' as const }));
    const r = evaluateEnterprise(enterprise(), [], context({ history }));
    expect(r).toMatchObject({ grade: 'A', blacklisted: true, samplingMultiplier: 2 });
    expect(r.measures.map((m) => m.article)).toContain('Art 19');
  });

  it('I15: a suspended subject gets no grade', () => {
    const r = evaluateEnterprise(enterprise({ suspended: { reason: '涉嫌环境污染罪立案侦查' } }), [], context());
    expect(r).toMatchObject({ score: 100, grade: null, samplingMultiplier: null, suspended: { reason: '涉嫌环境污染罪立案侦查' } });
    expect(r.notes[0]).toMatch(/^I15:/);
  });

  it('Art 32: no incentives for a participant that did not file on time', () => {
    const r = evaluateEnterprise(enterprise({ reportedLate: true }), [], context());
    expect(r.measures).toEqual([]);
    expect(r.notes).toContain('Art 32: did not file on time or truthfully; no incentives');
  });
});

describe('agencies (Art 12, 17; Annex 2)', () => {
  const onAgency = { kind: 'agency' as const, id: AGENCY_ID };

  it('deducts from 100 and grades: 100 − 10 − 10 = 80, B', () => {
    const r = evaluateAgency(agency(), [record({ rule: 'AG_NOTIFIED', subject: onAgency }), record({ rule: 'AG_INTERVIEWED', subject: onAgency })], [], context());
    expect(r).toMatchObject({ score: 80, grade: 'B', samplingMultiplier: 0.5 });
  });

  it('does not count a category rule the agency lacks', () => {
    const r = evaluateAgency(agency({ categories: ['monitoring'] }), [record({ rule: 'AG_EIA_BLACKLIST', subject: onAgency })], [], context());
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
    expect(r.items).toEqual([{ eventId: staffRecordsEventId(AGENCY_ID, 2026), rule: 'AG_STAFF_RECORDS', points: -20, state: 'counted', article: 'Annex 2', occurredOn: '2026-05-01' }]);
    expect(evaluateAgency(agency(), [], staff.slice(0, 2), context()).score).toBe(100);
  });

  it('Art 14: an agency direct-D record carries no points but makes the grade D; Art 31(2) bars procurement', () => {
    const r = evaluateAgency(agency(), [record({ rule: 'AG_D14_PERMIT_FRAUD', subject: onAgency })], [], context());
    expect(r).toMatchObject({ score: 100, grade: 'D', directD: true });
    expect(r.measures.map((m) => m.text)).toContain('各级政府或者有关部门不得采购其环境服务');
  });

  it('I4: takes the client record’s points', () => {
    const client = record({ eventId: 'C1', rule: 'EIA_QUALITY' });
    const r = evaluateAgency(agency(), [record({ rule: 'AG_CLIENT_DEDUCTED', clientEventId: 'C1', subject: onAgency })], [], context({ clients: [client] }));
    expect(r.score).toBe(90);
  });
});

describe('practitioners (Art 13, 18)', () => {
  const p = practitioner(5);
  const onP = { kind: 'practitioner' as const, id: p.id };

  it('two counted records in the year make an environmental-dishonest individual', () => {
    const r = evaluatePractitioner(p, [
      record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP, department: '150100-EEB' }),
      record({ rule: 'PR_QUALIFICATION_LENDING', subject: onP, department: '150200-EEB', league: '150200' }),
    ], context());
    expect(r).toMatchObject({ dishonest: true, records: 2, firstCountedOn: '2026-03-01' });
    expect(r.measures.map((m) => m.article)).toEqual(['Art 33(1)', 'Art 33(2)', 'Art 33(3)']);
  });

  it('one record is not enough; a record of the previous year does not count', () => {
    const r = evaluatePractitioner(p, [
      record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP }),
      record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP, occurredOn: '2025-12-31' }),
    ], context());
    expect(r).toMatchObject({ dishonest: false, records: 1 });
  });

  it('I5: records of one department count together by default; the option demands two departments', () => {
    const rs = [record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP }), record({ rule: 'PR_QUALIFICATION_LENDING', subject: onP })];
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
