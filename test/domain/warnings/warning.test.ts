import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, ruleByCode } from '../../../domain/catalogue/catalogue.ts';
import { SUBJECT_KINDS } from '../../../domain/catalogue/kinds.ts';
import { addDays } from '../../../domain/dates.ts';
import { EVENT_ID_RE } from '../../../domain/records/creditRecord.ts';
import {
  confirmProblem,
  deadlineProblem,
  deductionText,
  insufficientProblem,
  isWarnableRule,
  occurredProblem,
  reportProblem,
  type StoredWarningStatus,
  warnedKindProblem,
  warningEventId,
  warningStatusAsOf,
} from '../../../domain/warnings/warning.ts';

const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-06-01', n));
const status = fc.constantFrom<StoredWarningStatus>('open', 'reported', 'confirmed', 'insufficient');

describe('who may be warned and when (Art 21-22, I18)', () => {
  it('I18: only enterprises and agencies are warned; a practitioner never', () => {
    expect(warnedKindProblem('enterprise')).toBeNull();
    expect(warnedKindProblem('agency')).toBeNull();
    expect(warnedKindProblem('practitioner')).toContain('不能向相关从业人员下达');
  });

  it('Art 22: only deductions of the unit’s kind may be warned about; never a bonus, a practitioner rule or a derived one', () => {
    for (const rule of CATALOGUE)
      for (const kind of SUBJECT_KINDS)
        if (isWarnableRule(rule, kind)) {
          expect(kind).not.toBe('practitioner');
          expect(rule.kinds).toContain(kind);
          expect(rule.derivedOnly).toBe(false);
          expect(rule.points.type === 'fixed' && rule.points.tenths > 0).toBe(false);
        }
    expect(isWarnableRule(ruleByCode('PMT_SELF_MONITORING')!, 'enterprise')).toBe(true);
  });

  it('Art 22: the deadline is on or after the issue date, and the behaviour occurred on or before it', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(deadlineProblem(a, b) === null).toBe(b >= a);
        expect(occurredProblem(a, b) === null).toBe(a <= b);
      }),
    );
  });
});

describe('the state of a warning (Art 22, I8)', () => {
  it('I8: unconfirmed, it is expired exactly after its deadline; a confirmation ends it for good', () => {
    fc.assert(
      fc.property(status, day, day, (s, deadline, today) => {
        const shown = warningStatusAsOf({ status: s, deadline, rectifiedOn: null }, today);
        if (s === 'confirmed') expect(shown).toBe('confirmed');
        else expect(shown).toBe(today > deadline ? 'expired' : s);
      }),
    );
  });

  it('Art 22, I8: a confirmation is possible only for a reported rectification, on or before the deadline', () => {
    fc.assert(
      fc.property(status, day, day, day, (s, deadline, rectifiedOn, today) => {
        const ok = confirmProblem({ status: s, deadline, rectifiedOn }, today) === null;
        expect(ok).toBe(s === 'reported' && today <= deadline && rectifiedOn <= deadline);
      }),
    );
  });

  it('I8: a confirmation after the deadline is refused, saying the repair wait applies instead', () => {
    expect(
      confirmProblem({ status: 'reported', deadline: '2026-09-10', rectifiedOn: '2026-09-09' }, '2026-09-11'),
    ).toContain('第二十七条');
  });

  it('a finding of 整改不到位 needs a pending report within the deadline', () => {
    fc.assert(
      fc.property(status, day, day, (s, deadline, today) => {
        const ok = insufficientProblem({ status: s, deadline, rectifiedOn: null }, today) === null;
        expect(ok).toBe(s === 'reported' && today <= deadline);
      }),
    );
  });

  it('Art 22: a report is taken while open or insufficient, for a rectification between the occurrence and the deadline, not in the future', () => {
    fc.assert(
      fc.property(status, day, day, day, day, (s, occurredOn, deadline, rectifiedOn, today) => {
        const p = reportProblem({ status: s, deadline, occurredOn, rectifiedOn: null }, rectifiedOn, today);
        const accepted =
          (s === 'open' || s === 'insufficient') &&
          today <= deadline &&
          rectifiedOn <= deadline &&
          rectifiedOn <= today &&
          rectifiedOn >= occurredOn;
        expect(p === null).toBe(accepted);
        if (p?.field === 'rectifiedOn') expect(p.message).toContain('整改完成日期');
      }),
    );
  });
});

describe('the event id of a warning issued on the console', () => {
  const content = {
    subject: { kind: 'enterprise', id: '91150600MA0000001X' },
    rule: 'PMT_SELF_MONITORING',
    occurredOn: '2026-08-20',
    description: '自行监测数据缺失',
    rectificationRequired: '补齐监测',
    deadline: '2026-09-15',
  };

  it('is the same for the same warning (a second submission changes nothing) and fits the event id pattern', () => {
    const id = warningEventId('150600', '2026-09-01', content);
    expect(id).toBe(warningEventId('150600', '2026-09-01', { ...content }));
    expect(id).toMatch(/^WARN-150600-20260901-[0-9a-f]{12}$/);
    expect(EVENT_ID_RE.test(id)).toBe(true);
  });

  it('differs when what the warning says differs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (description) => {
        fc.pre(description !== content.description);
        expect(warningEventId('150600', '2026-09-01', { ...content, description })).not.toBe(
          warningEventId('150600', '2026-09-01', content),
        );
      }),
    );
  });
});

describe('what a failed warning costs (I8)', () => {
  it('names the catalogue’s points exactly, in tenths', () => {
    expect(deductionText(ruleByCode('PMT_SELF_MONITORING')!)).toBe('扣3分');
    for (const rule of CATALOGUE.filter((r) => isWarnableRule(r, 'enterprise') || isWarnableRule(r, 'agency')))
      expect(deductionText(rule)).toMatch(/^(扣\d+(\.\d)?分|直接评定为环保不良)$/);
  });
});
