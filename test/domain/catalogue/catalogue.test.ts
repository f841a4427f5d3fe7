import { describe, expect, it } from 'vitest';
import {
  appliesToCategories,
  CATALOGUE,
  FINE_TIERS,
  fineTierTenths,
  isBonusRule,
  isDeductionRule,
  PERMIT_FRAUD_TENTHS,
  ruleByCode,
} from '../../../domain/catalogue/catalogue.ts';

/** Every code of docs/rules.md §3-5 with its points in tenths (null: tiered, same as client, or none). */
const RULES_MD: Record<string, number | null> = {
  ENF_FINE: null,
  ENF_CONFISCATION: -30,
  ENF_PERMIT_SUSPENDED: -50,
  ENF_DAILY_PENALTY: -30,
  ENF_SEIZURE: -50,
  ENF_PRODUCTION_LIMIT: -30,
  ENF_SUSPENSION: -50,
  ENF_COURT_ENFORCEMENT: -50,
  SUP_NATIONAL: -60,
  SUP_REGION: -40,
  SUP_CITY: -20,
  SUP_OVERDUE: -40,
  EIA_UNAPPROVED: -100,
  EIA_QUALITY: -100,
  EIA_ACCEPTANCE: -100,
  PMT_NO_PERMIT: -100,
  PMT_RECTIFY_OVERDUE: -20,
  PMT_POLLUTION_CONTROL: -30,
  PMT_SELF_MONITORING: -30,
  PMT_LEDGER: -30,
  PMT_REPORT_MISSING: -30,
  PMT_REPORT_FALSE: -30,
  HW_BASIC: -10,
  HW_FAIL: -20,
  CP_AUDIT_INCOMPLETE: -40,
  CP_HIGH_CONSUMPTION: -10,
  CP_OUTDATED_PROCESS: -10,
  CP_SITE_DISORDER: -20,
  INC_GENERAL: -10,
  INC_LARGER: -20,
  INC_MAJOR: -40,
  ECO_LIABILITY: -20,
  ECO_ENFORCED: -40,
  SR_PERMIT_FRAUD: -100,
  SR_EVASION_UNCOMPLIED: -100,
  SR_COMMENDATION: 30,
  SR_PRAISE: 10,
  PI_ULTRA_LOW_EMISSION: 20,
  PI_POLLUTION_INSURANCE: 30,
  PI_WIN_WIN: 10,
  AG_NO_QUALIFICATION: -300,
  AG_NOTIFIED: -100,
  AG_FALSIFIED_DATA: -300,
  AG_OBSTRUCTION: -100,
  AG_INTERVIEWED: -100,
  AG_CRITICISED: -100,
  AG_SERVICE_WHILE_RECTIFYING: -100,
  AG_CLIENT_DEDUCTED: null,
  AG_BAD_FAITH: -300,
  AG_STAFF_RECORDS: -200,
  AG_OM_ABNORMAL_OPERATION: -300,
  AG_MON_UNQUALIFIED_STAFF: -300,
  AG_EIA_KEY_SUPERVISION: -100,
  AG_EIA_RECTIFY_LIST: -300,
  AG_EIA_BLACKLIST: -300,
  AG_IT_DATA_LEAK: -300,
  AG_IT_FALSE_REPORT: -50,
  AG_IT_DATA_TAMPER: -300,
  AG_INV_DELAY: -100,
  AG_INV_QUALITY: -100,
  AG_INV_BREACH: -100,
  AG_D14_PERMIT_FRAUD: 0,
  AG_D14_EVASION_UNCOMPLIED: 0,
  D14_OTHER_LEGAL: 0,
  PR_CAUSED_ENTERPRISE_DEDUCTION: null,
  PR_CAUSED_AGENCY_DEDUCTION: null,
  PR_QUALIFICATION_LENDING: null,
  PR_FRAUD_IN_SERVICE: null,
};

describe('the catalogue (Annex 1-3, docs/rules.md §3-5)', () => {
  it('holds exactly the codes of docs/rules.md with their points', () => {
    expect(CATALOGUE.map((r) => r.code).sort()).toEqual(Object.keys(RULES_MD).sort());
    for (const [code, tenths] of Object.entries(RULES_MD)) {
      const rule = ruleByCode(code)!;
      if (tenths === null) expect(rule.points.type).not.toBe('fixed');
      else expect(rule.points).toEqual({ type: 'fixed', tenths });
    }
  });

  it('gives every rule its official Chinese wording and an article', () => {
    for (const rule of CATALOGUE) {
      expect(rule.wording).toMatch(/[\u4e00-\u9fa5]/);
      expect(rule.article).toMatch(/^(Annex [123]|Art 14\([123]\))$/);
    }
    expect(ruleByCode('ENF_SEIZURE')!.wording).toBe('实施查封、扣押');
  });

  it('marks the Art 14 direct-D codes and nothing else', () => {
    const directD = CATALOGUE.filter((r) => r.directD)
      .map((r) => r.code)
      .sort();
    expect(directD).toEqual([
      'AG_D14_EVASION_UNCOMPLIED',
      'AG_D14_PERMIT_FRAUD',
      'D14_OTHER_LEGAL',
      'SR_EVASION_UNCOMPLIED',
      'SR_PERMIT_FRAUD',
    ]);
  });

  it('I1: reads the printed "+10" for a permit obtained by fraud as −10 and direct D', () => {
    expect(PERMIT_FRAUD_TENTHS).toBe(-100);
    expect(ruleByCode('SR_PERMIT_FRAUD')).toMatchObject({ directD: true, points: { type: 'fixed', tenths: -100 } });
  });

  it('marks AG_STAFF_RECORDS as derived only', () => {
    expect(CATALOGUE.filter((r) => r.derivedOnly).map((r) => r.code)).toEqual(['AG_STAFF_RECORDS']);
  });

  it('applies D14_OTHER_LEGAL to enterprises and agencies and needs the legal basis (Art 14(3))', () => {
    expect(ruleByCode('D14_OTHER_LEGAL')).toMatchObject({ kinds: ['enterprise', 'agency'], requires: 'legalBasis' });
  });

  it('limits category rules of Annex 2 to agencies that have the category', () => {
    const eia = ruleByCode('AG_EIA_BLACKLIST')!;
    expect(appliesToCategories(eia, ['eia'])).toBe(true);
    expect(appliesToCategories(eia, ['monitoring', 'it_om'])).toBe(false);
    expect(appliesToCategories(ruleByCode('AG_NOTIFIED')!, ['monitoring'])).toBe(true);
  });

  it('has only deductions for agencies (Art 12)', () => {
    for (const r of CATALOGUE.filter((r) => r.kinds.includes('agency'))) expect(isBonusRule(r)).toBe(false);
  });

  it('tells deductions (carried over, I6) from bonuses and practitioner records', () => {
    expect(isDeductionRule(ruleByCode('ENF_FINE')!)).toBe(true);
    expect(isDeductionRule(ruleByCode('AG_D14_PERMIT_FRAUD')!)).toBe(true);
    expect(isDeductionRule(ruleByCode('SR_COMMENDATION')!)).toBe(false);
    expect(isDeductionRule(ruleByCode('PR_FRAUD_IN_SERVICE')!)).toBe(false);
  });
});

describe('I7: fine tiers of Annex 1', () => {
  it.each([
    [1, -5],
    [100_000, -5],
    [100_000.01, -10],
    [500_000, -10],
    [500_000.01, -15],
    [10_000_000, -15],
  ])('a fine of %d yuan deducts %d tenths', (yuan, tenths) => {
    expect(fineTierTenths(yuan)).toBe(tenths);
  });

  it('has three tiers, the last unbounded', () => {
    expect(FINE_TIERS).toHaveLength(3);
    expect(FINE_TIERS[2]!.upToYuan).toBe(Number.POSITIVE_INFINITY);
  });
});
