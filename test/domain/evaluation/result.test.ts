import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAgency } from '../../../domain/evaluation/agency.ts';
import { evaluateEnterprise } from '../../../domain/evaluation/enterprise.ts';
import { evaluatePractitioner } from '../../../domain/evaluation/practitioner.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';
import { AGENCY_ID, agency, context, enterprise, practitioner, record } from '../../support/builders.ts';

const P1 = 'P1';
const P2 = 'P2';
const atSite = (siteId: string) => ({ kind: 'enterprise' as const, id: enterprise().id, siteId });

describe('the words a reader needs, beside the codes', () => {
  it('Art 11: names the grade as the regulation does, for the entity and each site', () => {
    const names = (
      [
        ['ENF_SEIZURE'],
        ['EIA_QUALITY'],
        ['EIA_QUALITY', 'EIA_UNAPPROVED', 'EIA_ACCEPTANCE'],
        ['SR_EVASION_UNCOMPLIED'],
      ] as const
    ).map(
      (rules) =>
        evaluateEnterprise(
          enterprise(),
          rules.map((rule) => record({ rule })),
          context(),
        ).gradeName,
    );
    expect(names).toEqual(['环保诚信单位', '环保良好单位', '环保警示单位', '环保不良单位']);
    const sited = evaluateEnterprise(enterprise({ sites: [{ siteId: P1, outputShare: 1 }] }), [], context());
    expect(sited.sites![0]!.gradeName).toBe('环保诚信单位');
    expect(evaluateEnterprise(enterprise({ suspended: { reason: '立案侦查' } }), [], context()).gradeName).toBeNull();
  });

  it('Art 13: a dishonest practitioner is named 环保失信个人', () => {
    const p = practitioner(5);
    const onP = { kind: 'practitioner' as const, id: p.id };
    const rs = [
      record({ rule: 'PR_FRAUD_IN_SERVICE', subject: onP }),
      record({ rule: 'PR_QUALIFICATION_LENDING', subject: onP }),
    ];
    expect(evaluatePractitioner(p, rs, context()).gradeName).toBe('环保失信个人');
    expect(evaluatePractitioner(p, rs.slice(0, 1), context()).gradeName).toBeNull();
  });

  it('each item and pending item carries the catalogue wording and the article in Chinese', () => {
    const r = evaluateEnterprise(
      enterprise(),
      [
        record({ eventId: 'F', rule: 'ENF_FINE' }),
        record({ eventId: 'X', rule: 'SR_EVASION_UNCOMPLIED' }),
        record({ eventId: 'W', rule: 'PMT_LEDGER', warning: { issuedOn: '2026-03-01', deadline: '2027-12-31' } }),
      ],
      context(),
    );
    expect(r.items.map((i) => [i.eventId, i.wording.slice(0, 6), i.articleName])).toEqual([
      ['F', '罚款', '附件1'],
      ['W', '未按照排污许', '附件1'],
      ['X', '因通过暗管、', '第十四条第二项'],
    ]);
    expect(r.pending[0]!.wording).toBe('未按照排污许可证要求进行建立环境管理台账制度');
    expect(r.measures.every((m) => /^第.+条/.test(m.articleName))).toBe(true);
  });

  it('each note is also a Chinese sentence, with its article or interpretation id as a field', () => {
    const r = evaluateEnterprise(
      enterprise({
        sites: [
          { siteId: P1, outputShare: 0.9 },
          { siteId: P2, outputShare: 0.1 },
        ],
      }),
      [
        record({ eventId: 'X', rule: 'SR_PERMIT_FRAUD', subject: atSite(P2) }),
        record({ eventId: 'M', rule: 'SR_COMMENDATION' }),
      ],
      context({
        history: [
          { year: 2024, grade: 'D' },
          { year: 2025, grade: 'D' },
        ],
      }),
    );
    expect(r.noteDetails.map((n) => n.id)).toEqual(['Art 16(2)', 'I9', 'I1', 'Art 14(1)', 'I2', 'I10']);
    expect(r.noteDetails.find((n) => n.id === 'I10')!.text).toContain(
      '自本评价结果公布之日起列入环境保护领域失信黑名单管理',
    );
    expect(r.noteDetails.find((n) => n.id === 'Art 14(1)')!.text).toBe(
      'X属于直接评定为环保不良单位的情形，无论分值均评定为D级（第十四条第一项）',
    );
  });

  it('notes and their Chinese sentences correspond one to one (property)', () => {
    fc.assert(
      fc.property(enterpriseRecords([null, P1, 'P9']), fc.boolean(), (records, reportedLate) => {
        const r = evaluateEnterprise(
          enterprise({
            reportedLate,
            sites: [
              { siteId: P1, outputShare: 0.5 },
              { siteId: P2, outputShare: 0.4 },
            ],
          }),
          records,
          context({ asOf: '2027-06-30' }),
        );
        expect(r.noteDetails).toHaveLength(r.notes.length);
        r.noteDetails.forEach((d, i) => {
          expect(r.notes[i]).toContain(d.id);
          expect(d.text).toMatch(/[\u4e00-\u9fa5]/);
          expect(d.text).not.toMatch(/\b(points|merged|counted|site|record)\b/);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('records outside the year add no notes', () => {
    const onAgency = { kind: 'agency' as const, id: AGENCY_ID };
    const r = evaluateAgency(
      agency(),
      [record({ rule: 'AG_CLIENT_DEDUCTED', clientEventId: 'NONE', subject: onAgency, occurredOn: '2027-02-01' })],
      [],
      context(),
    );
    expect(r.notes).toEqual([]);
  });
});
