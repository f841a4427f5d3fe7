import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { evaluateEnterprise } from '../../../domain/evaluation/enterprise.ts';
import { ENTERPRISE_CODES, enterpriseRecords } from '../../support/arbitraries.ts';
import { context, enterprise, record } from '../../support/builders.ts';

const P1 = 'P1';
const P2 = 'P2';
const atSite = (siteId: string) => ({ kind: 'enterprise' as const, id: enterprise().id, siteId });

describe('enterprises (Art 11, 14, 16)', () => {
  it('worked example: merged case, bonus, revoked record → 93.0, B', () => {
    const r = evaluateEnterprise(
      enterprise(),
      [
        record({ eventId: 'F', rule: 'ENF_FINE', fineYuan: 600_000, caseNo: '案1' }), // −1.5, merged into S
        record({ eventId: 'S', rule: 'ENF_SEIZURE', caseNo: '案1' }), // −5
        record({ eventId: 'L', rule: 'PMT_LEDGER' }), // −3
        record({ eventId: 'H', rule: 'HW_FAIL', revokedOn: '2026-04-01' }), // revoked
        record({ eventId: 'B', rule: 'SR_PRAISE', occurredOn: '2026-05-01' }), // +1
      ],
      context(),
    );
    expect(r).toMatchObject({ score: 93, grade: 'B', directD: false, samplingMultiplier: 0.5, blacklisted: false });
    expect(Object.fromEntries(r.items.map((i) => [i.eventId, [i.state, i.points]]))).toEqual({
      F: ['merged', -1.5],
      S: ['counted', -5],
      L: ['counted', -3],
      H: ['revoked', -2],
      B: ['counted', 1],
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
    const r = evaluateEnterprise(
      enterprise(),
      rules.map((rule) => record({ rule, fineYuan: rule === 'ENF_FINE' ? 100_000 : undefined })),
      context(),
    );
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
    const r = evaluateEnterprise(
      enterprise({
        sites: [
          { siteId: P1, outputShare: 0.6 },
          { siteId: P2, outputShare: 0.4 },
        ],
      }),
      [
        record({ rule: 'EIA_QUALITY', subject: atSite(P1) }), // site 1: 90
        record({ rule: 'PMT_LEDGER', subject: atSite(P2) }), // site 2: 97
      ],
      context(),
    );
    // 0.6 × 90 + 0.4 × 97 = 54 + 38.8 = 92.8
    expect(r).toMatchObject({ score: 92.8, grade: 'B' });
    expect(r.sites).toEqual([
      { siteId: P1, outputShare: 0.6, weight: 0.6, score: 90, grade: 'B', gradeName: '环保良好单位', directD: false },
      { siteId: P2, outputShare: 0.4, weight: 0.4, score: 97, grade: 'A', gradeName: '环保诚信单位', directD: false },
    ]);
  });

  it('I16 applies per site: an entity-level measure of a case merges only where a site has a larger one', () => {
    // Found by the property "revoking a deduction never lowers a score": merging E0 (entity, −3,
    // counts at every site) into E1 (site P2, −5) once made revoking E1 lower the score (98 → 97).
    const subject = enterprise({
      sites: [
        { siteId: P1, outputShare: 0.6 },
        { siteId: P2, outputShare: 0.4 },
      ],
    });
    const e0 = record({ eventId: 'E0', rule: 'ENF_CONFISCATION', caseNo: '案2' });
    const e1 = record({ eventId: 'E1', rule: 'ENF_SUSPENSION', caseNo: '案2', subject: atSite(P2) });
    const both = evaluateEnterprise(subject, [e0, e1], context());
    // P1: 100 − 3 = 97; P2: 100 − 5 = 95 (E0 merged into E1 there); 0.6 × 97 + 0.4 × 95 = 96.2
    expect(both.sites!.map((s) => s.score)).toEqual([97, 95]);
    expect(both.score).toBe(96.2);
    expect(both.items.map((i) => [i.eventId, i.state])).toEqual([
      ['E0', 'counted'],
      ['E1', 'counted'],
    ]);
    expect(both.notes).toContain('I16: E0 merged into E1 at site P2 (case 案2)');
    const revoked = evaluateEnterprise(subject, [e0, { ...e1, revokedOn: '2026-04-01' }], context());
    expect(revoked.score).toBe(97);
    expect(revoked.score).toBeGreaterThanOrEqual(both.score);
  });

  it('I9: a direct-D record at one site makes the legal entity direct D', () => {
    const r = evaluateEnterprise(
      enterprise({
        sites: [
          { siteId: P1, outputShare: 0.9 },
          { siteId: P2, outputShare: 0.1 },
        ],
      }),
      [record({ rule: 'SR_EVASION_UNCOMPLIED', subject: atSite(P2) })],
      context(),
    );
    expect(r).toMatchObject({ score: 99, grade: 'D', directD: true });
    expect(r.sites!.map((s) => s.grade)).toEqual(['A', 'D']);
    expect(r.notes).toContain('I9: a direct-D record at one site makes the legal entity direct D');
  });

  it('I9: a site known only from its records has no share, so all sites weigh equally', () => {
    const r = evaluateEnterprise(
      enterprise({ sites: [{ siteId: P1, outputShare: 1 }] }),
      [record({ rule: 'EIA_QUALITY', subject: atSite('P9') })],
      context(),
    );
    // (100 + 90) / 2 = 95
    expect(r.score).toBe(95);
    expect(r.notes[0]).toMatch(/^I9: output shares missing \(P9\)/);
  });

  it('a record without a site concerns the whole legal entity: it counts at every site', () => {
    const r = evaluateEnterprise(
      enterprise({
        sites: [
          { siteId: P1, outputShare: 0.5 },
          { siteId: P2, outputShare: 0.5 },
        ],
      }),
      [record({ rule: 'PMT_LEDGER', subject: atSite(P1) }), record({ eventId: 'ENT', rule: 'SR_COMMENDATION' })],
      context(),
    );
    // site 1: 100 − 3 + 3 = 100; site 2: 103; entity 101.5 (I2: not capped)
    expect(r.sites!.map((s) => s.score)).toEqual([100, 103]);
    expect(r.score).toBe(101.5);
    expect(r.notes).toContain('I2: score above 100 is not capped');
  });

  it('I2: no floor below zero', () => {
    const r = evaluateEnterprise(
      enterprise(),
      Array.from({ length: 11 }, () => record({ rule: 'EIA_QUALITY' })),
      context(),
    );
    expect(r.score).toBe(-10);
    expect(r.notes).toContain('I2: score below 0 is not floored');
  });

  it('lists the pending credit warnings with their deadline (Art 22)', () => {
    const r = evaluateEnterprise(
      enterprise(),
      [
        record({
          eventId: 'W',
          rule: 'PMT_LEDGER',
          occurredOn: '2026-03-14',
          warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' },
        }),
      ],
      context({ asOf: '2026-04-01' }),
    );
    expect(r.score).toBe(100);
    expect(r.pending).toEqual([
      {
        eventId: 'W',
        rule: 'PMT_LEDGER',
        wording: '未按照排污许可证要求进行建立环境管理台账制度',
        points: -3,
        state: 'warning',
        deadline: '2026-04-14',
      },
    ]);
  });

  it('Art 27: lists the earliest repair date of each rectified counted deduction', () => {
    const r = evaluateEnterprise(
      enterprise(),
      [
        record({ eventId: 'A', rule: 'PMT_LEDGER', rectifiedOn: '2026-04-01' }),
        record({ eventId: 'B', rule: 'ENF_SEIZURE', rectifiedOn: '2026-08-31' }),
        record({ eventId: 'C', rule: 'EIA_QUALITY' }),
      ],
      context(),
    );
    expect(r.repair).toEqual([
      {
        eventId: 'A',
        eligible: true,
        earliestOn: '2026-04-01',
        waitMonths: 0,
        article: 'Art 27',
        impactEliminationRequired: false,
      },
      {
        eventId: 'B',
        eligible: true,
        earliestOn: '2026-10-31',
        waitMonths: 2,
        article: 'Art 27',
        impactEliminationRequired: false,
      },
    ]);
  });

  it('Art 19 / I10: three consecutive D grades blacklist and double the inspections', () => {
    const history = [2024, 2025].map((year) => ({ year, grade: 'D' as const }));
    const r = evaluateEnterprise(enterprise(), [record({ rule: 'SR_EVASION_UNCOMPLIED' })], context({ history }));
    expect(r).toMatchObject({ grade: 'D', blacklisted: true, samplingMultiplier: 2 });
    expect(r.measures.map((m) => m.article)).toContain('Art 19');
  });

  it('I15: a suspended subject gets no grade', () => {
    const r = evaluateEnterprise(enterprise({ suspended: { reason: '涉嫌环境污染罪立案侦查' } }), [], context());
    expect(r).toMatchObject({
      score: 100,
      grade: null,
      samplingMultiplier: null,
      suspended: { reason: '涉嫌环境污染罪立案侦查' },
    });
    expect(r.notes[0]).toMatch(/^I15:/);
  });

  it('Art 32: no incentives for a participant that did not file on time', () => {
    const r = evaluateEnterprise(enterprise({ reportedLate: true }), [], context());
    expect(r.measures).toEqual([]);
    expect(r.notes).toContain('Art 32: did not file on time or truthfully; no incentives');
  });
});

describe('I20: only records that count in the year make a site known', () => {
  const subject = enterprise({
    sites: [
      { siteId: P1, outputShare: 0.6 },
      { siteId: P2, outputShare: 0.4 },
    ],
  });
  const base = [
    record({ eventId: 'B1', rule: 'EIA_QUALITY', subject: atSite(P1) }),
    record({ eventId: 'B2', rule: 'PMT_LEDGER', subject: atSite(P2) }),
  ];

  it.each([
    [
      'a revoked record',
      [record({ eventId: 'N', rule: 'EIA_QUALITY', subject: atSite('P9'), revokedOn: '2026-03-02' })],
    ],
    [
      'a record of another year',
      [record({ eventId: 'N', rule: 'SR_PRAISE', subject: atSite('P9'), occurredOn: '2025-05-01' })],
    ],
    [
      'a record of a later year',
      [record({ eventId: 'N', rule: 'PMT_LEDGER', subject: atSite('P9'), occurredOn: '2027-01-05' })],
    ],
    [
      'a pending credit warning',
      [
        record({
          eventId: 'N',
          rule: 'PMT_LEDGER',
          subject: atSite('P9'),
          warning: { issuedOn: '2026-03-01', deadline: '2027-12-31' },
        }),
      ],
    ],
  ])('%s at an unregistered permit adds no site and keeps the output shares', (_what, extra) => {
    const r = evaluateEnterprise(subject, [...base, ...extra], context());
    expect(r.sites!.map((s) => s.siteId)).toEqual([P1, P2]);
    expect([r.score, r.grade]).toEqual([92.8, 'B']);
  });

  it('a measure merged into an entity-level measure of its case adds no site (I16)', () => {
    const entity = record({ eventId: 'W', rule: 'ENF_SUSPENSION', caseNo: '案9' });
    const without = evaluateEnterprise(subject, [...base, entity], context());
    const r = evaluateEnterprise(
      subject,
      [...base, entity, record({ eventId: 'N', rule: 'ENF_CONFISCATION', caseNo: '案9', subject: atSite('P9') })],
      context(),
    );
    expect(r.sites!.map((s) => s.siteId)).toEqual([P1, P2]);
    // P1: 90 − 5 = 85; P2: 97 − 5 = 92; 0.6 × 85 + 0.4 × 92 = 87.8
    expect([r.score, without.score]).toEqual([87.8, 87.8]);
    expect(r.items.find((i) => i.eventId === 'N')!.state).toBe('merged');
  });

  it('a counted record at an unregistered permit still adds its site (I9)', () => {
    const r = evaluateEnterprise(subject, [...base, record({ rule: 'PMT_LEDGER', subject: atSite('P9') })], context());
    expect(r.sites!.map((s) => s.siteId)).toEqual([P1, P2, 'P9']);
  });

  it('adding a record that does not count, at a new permit, never changes the score (property)', () => {
    fc.assert(
      fc.property(
        enterpriseRecords([null, P1, P2]),
        fc.constantFrom(...ENTERPRISE_CODES),
        fc.integer({ min: 0, max: 300 }),
        (records, rule, day) => {
          const occurredOn = addDays('2026-01-01', day);
          const revoked = record({
            eventId: 'NEW',
            rule,
            occurredOn,
            revokedOn: occurredOn,
            subject: atSite('P-NEW'),
            legalBasis: rule === 'D14_OTHER_LEGAL' ? '法' : undefined,
          });
          const a = evaluateEnterprise(subject, records, context());
          const b = evaluateEnterprise(subject, [...records, revoked], context());
          expect([b.score, b.grade, b.sites!.length]).toEqual([a.score, a.grade, a.sites!.length]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
