import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleByCode } from '../../../domain/catalogue/catalogue.ts';
import { classifyRecord, Reason, recordPoints } from '../../../domain/evaluation/recordState.ts';
import { ENTERPRISE_CODES } from '../../support/arbitraries.ts';
import { AGENCY_ID, context, record } from '../../support/builders.ts';

const stateOf = (r: ReturnType<typeof record>, over: Parameters<typeof context>[0] = {}) => {
  const ctx = context(over);
  return classifyRecord(r, ctx.period, ctx.clientOf);
};

describe('which records count (Art 19, 21, 22; docs/rules.md §6)', () => {
  it('counts a record that occurred in the evaluation year', () => {
    expect(stateOf(record({ rule: 'PMT_LEDGER', occurredOn: '2026-06-01' })).state).toBe('counted');
  });

  it('does not count a record that had not occurred by the as-of date', () => {
    expect(stateOf(record({ rule: 'PMT_LEDGER', occurredOn: '2026-06-01' }), { asOf: '2026-05-31' }).state).toBe(
      'outside-period',
    );
  });

  it('does not count a record of a later year', () => {
    expect(stateOf(record({ rule: 'PMT_LEDGER', occurredOn: '2027-01-01' })).state).toBe('outside-period');
  });

  it('does not count a record revoked on or before the as-of date; counts it before', () => {
    const r = record({ rule: 'PMT_LEDGER', occurredOn: '2026-06-01', revokedOn: '2026-09-01' });
    expect(stateOf(r).state).toBe('revoked');
    expect(stateOf(r, { asOf: '2026-08-31' }).state).toBe('counted');
  });

  it('Art 23: a repaired record stops counting from the repair date', () => {
    const r = record({
      rule: 'PMT_LEDGER',
      occurredOn: '2026-06-01',
      rectifiedOn: '2026-07-01',
      repairedOn: '2027-07-10',
    });
    expect(stateOf(r, { asOf: '2027-07-09' }).state).toBe('counted');
    expect(stateOf(r, { asOf: '2027-07-10' }).state).toBe('repaired');
  });

  describe('I6: carry-over of unrectified deductions (Art 19)', () => {
    const old = record({ rule: 'PMT_LEDGER', occurredOn: '2025-06-01' });

    it('carries an earlier year’s unrectified deduction into the year', () => {
      const c = stateOf(old);
      expect(c.state).toBe('counted');
      expect(c.reasons & Reason.CARRIED_OVER).toBeTruthy();
    });

    it('does not carry a deduction rectified by the end of the year', () => {
      expect(stateOf({ ...old, rectifiedOn: '2026-12-31' }).state).toBe('outside-period');
      expect(stateOf({ ...old, rectifiedOn: '2027-01-01' }).state).toBe('counted');
    });

    it('looks at the as-of date when it is earlier than the year’s end', () => {
      expect(stateOf({ ...old, rectifiedOn: '2026-05-01' }, { asOf: '2026-04-30' }).state).toBe('counted');
      expect(stateOf({ ...old, rectifiedOn: '2026-05-01' }, { asOf: '2026-05-01' }).state).toBe('outside-period');
    });

    it('never carries a bonus: bonuses count only in their year', () => {
      expect(stateOf(record({ rule: 'SR_COMMENDATION', occurredOn: '2025-06-01' })).state).toBe('outside-period');
    });

    it('never carries a practitioner record (Art 13: within the evaluation year)', () => {
      const p = record({
        rule: 'PR_FRAUD_IN_SERVICE',
        occurredOn: '2025-06-01',
        subject: { kind: 'practitioner', id: '150203199002150023' },
      });
      expect(stateOf(p).state).toBe('outside-period');
    });

    it('carries nothing when the option is off', () => {
      expect(stateOf(old, { options: { carryOverUnrectified: false } }).state).toBe('outside-period');
    });
  });

  describe('credit warnings (Art 22, I8)', () => {
    const warned = record({
      rule: 'PMT_LEDGER',
      occurredOn: '2026-03-14',
      warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' },
    });

    it('is pending while the deadline has not passed and nothing is confirmed', () => {
      expect(stateOf(warned, { asOf: '2026-04-14' }).state).toBe('pending');
    });

    it('never counts when rectified on or before the deadline', () => {
      expect(stateOf({ ...warned, rectifiedOn: '2026-04-14' }).state).toBe('cancelled');
      expect(stateOf({ ...warned, rectifiedOn: '2026-04-01' }, { asOf: '2026-04-10' }).state).toBe('cancelled');
    });

    it('I8: counts from its occurrence once the deadline passes unconfirmed', () => {
      const c = stateOf(warned, { asOf: '2026-04-15' });
      expect(c.state).toBe('counted');
      expect(c.reasons & Reason.WARNING_FAILED).toBeTruthy();
    });

    it('I8: a rectification after the deadline does not cancel it', () => {
      expect(stateOf({ ...warned, rectifiedOn: '2026-04-15' }).state).toBe('counted');
    });
  });

  describe('I4: an agency’s record takes its client’s points (Annex 2 “同委托单位”)', () => {
    const client = record({ eventId: 'C-1', rule: 'ENF_FINE', fineYuan: 600_000, occurredOn: '2026-02-01' });
    const ag = record({
      rule: 'AG_CLIENT_DEDUCTED',
      clientEventId: 'C-1',
      subject: { kind: 'agency', id: AGENCY_ID },
      occurredOn: '2026-03-01',
    });

    it('counts the client’s points at evaluation time', () => {
      const c = stateOf(ag, { clients: [client] });
      expect(c).toMatchObject({ state: 'counted', points: -15 });
    });

    it('does not count when the client’s record is revoked', () => {
      expect(stateOf(ag, { clients: [{ ...client, revokedOn: '2026-05-01' }] }).state).toBe('revoked');
    });

    it('does not count when the client’s record was cancelled by its credit warning', () => {
      const warned = {
        ...client,
        warning: { issuedOn: '2026-02-01', deadline: '2026-03-01' },
        rectifiedOn: '2026-02-20',
      };
      expect(stateOf(ag, { clients: [warned] }).state).toBe('cancelled');
    });

    it('still counts when the client’s record is repaired', () => {
      expect(stateOf(ag, { clients: [{ ...client, rectifiedOn: '2026-03-01', repairedOn: '2026-04-01' }] }).state).toBe(
        'counted',
      );
    });

    it('waits while the client’s record is unknown or pending', () => {
      expect(stateOf(ag).state).toBe('pending');
      const warned = { ...client, warning: { issuedOn: '2026-02-01', deadline: '2027-06-01' } };
      expect(stateOf(ag, { clients: [warned] }).state).toBe('pending');
    });

    it('takes nothing from a client bonus (Art 12: agencies are only deducted)', () => {
      expect(stateOf(ag, { clients: [{ ...client, rule: 'SR_COMMENDATION', fineYuan: null }] }).points).toBe(0);
    });
  });

  it('orders revocation before the period', () => {
    const r = record({ rule: 'PMT_LEDGER', occurredOn: '2025-06-01', revokedOn: '2025-07-01' });
    expect(stateOf(r).state).toBe('revoked');
  });
});

describe('I4: one rule for a record’s points', () => {
  const onAgency = { kind: 'agency' as const, id: AGENCY_ID };

  it('an agency’s “同委托单位” record takes its client’s deduction, nothing from a bonus, zero while unknown', () => {
    const rule = ruleByCode('AG_CLIENT_DEDUCTED')!;
    const ag = record({ rule: 'AG_CLIENT_DEDUCTED', clientEventId: 'C-1', subject: onAgency });
    const fine = record({ eventId: 'C-1', rule: 'ENF_FINE', fineYuan: 600_000 });
    expect(recordPoints(rule, ag, (id) => (id === 'C-1' ? fine : undefined))).toBe(-15); // tenths: −1.5 points
    expect(recordPoints(rule, ag, () => ({ ...fine, rule: 'SR_COMMENDATION', fineYuan: null }))).toBe(0);
    expect(recordPoints(rule, ag, () => undefined)).toBe(0);
    expect(recordPoints(ruleByCode('PMT_LEDGER')!, record({ rule: 'PMT_LEDGER' }), () => undefined)).toBe(-30); // tenths
  });

  it('the points of a classified record are its recordPoints, whatever its state (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTERPRISE_CODES),
        fc.boolean(),
        fc.boolean(),
        (clientRule, known, agencyRecord) => {
          const client = record({
            eventId: 'C-9',
            rule: clientRule,
            legalBasis: clientRule === 'D14_OTHER_LEGAL' ? '法' : undefined,
          });
          const r = agencyRecord
            ? record({ rule: 'AG_CLIENT_DEDUCTED', clientEventId: 'C-9', subject: onAgency })
            : client;
          const ctx = context({ clients: known ? [client] : [] });
          expect(classifyRecord(r, ctx.period, ctx.clientOf).points).toBe(
            recordPoints(ruleByCode(r.rule)!, r, ctx.clientOf),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
