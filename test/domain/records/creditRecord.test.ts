import { describe, expect, it } from 'vitest';
import { creditRecordSchema, sameRecord } from '../../../domain/records/creditRecord.ts';
import { validate } from '../../../domain/validation.ts';
import { AGENCY_ID, ENTERPRISE_ID, residentId } from '../../support/builders.ts';

const base = {
  eventId: 'NMG-ENF-2026-000123',
  subject: { kind: 'enterprise', id: ENTERPRISE_ID, siteId: `${ENTERPRISE_ID}001P` },
  rule: 'ENF_FINE',
  occurredOn: '2026-03-14',
  department: '150100-EEB',
  league: '150100',
  fineYuan: 120000,
  caseNo: '呼环罚〔2026〕12号',
};

const issuesOf = (input: unknown) => {
  const r = validate(creditRecordSchema, input, 'record');
  return r.ok ? [] : r.issues;
};

const pathsOf = (input: unknown) => issuesOf(input).map((i) => i.path);

describe('credit record schema (API.md §1)', () => {
  it('accepts the documented shape', () => {
    expect(issuesOf(base)).toEqual([]);
    expect(issuesOf({ ...base, clientEventId: null, legalBasis: null, warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' }, rectifiedOn: null, repairedOn: null, revokedOn: null })).toEqual([]);
  });

  it('refuses an eventId outside 1-128 chars of [A-Za-z0-9._:-]', () => {
    expect(pathsOf({ ...base, eventId: '' })).toEqual(['record.eventId']);
    expect(pathsOf({ ...base, eventId: 'a b' })).toEqual(['record.eventId']);
    expect(pathsOf({ ...base, eventId: 'x'.repeat(129) })).toEqual(['record.eventId']);
    expect(pathsOf({ ...base, eventId: 'x'.repeat(128) })).toEqual([]);
  });

  it('checks the subject identifier against its kind (GB 32100-2015, GB 11643)', () => {
    expect(issuesOf({ ...base, subject: { kind: 'enterprise', id: '91150100MA0N000001' } })[0]).toMatchObject({
      path: 'record.subject.id', message: expect.stringContaining('校验码'),
    });
    expect(pathsOf({ ...base, rule: 'PR_FRAUD_IN_SERVICE', fineYuan: null, subject: { kind: 'practitioner', id: residentId(1) } })).toEqual([]);
    expect(pathsOf({ ...base, rule: 'PR_FRAUD_IN_SERVICE', fineYuan: null, subject: { kind: 'practitioner', id: ENTERPRISE_ID } })).toEqual(['record.subject.id']);
  });

  it('refuses unknown codes, codes of another kind and the derived-only code', () => {
    expect(issuesOf({ ...base, rule: 'NOPE' })[0]).toMatchObject({ path: 'record.rule', message: '未知的评价指标代码：NOPE' });
    expect(pathsOf({ ...base, rule: 'AG_NOTIFIED', fineYuan: null })).toEqual(['record.rule']);
    expect(issuesOf({ ...base, rule: 'AG_STAFF_RECORDS', fineYuan: null, subject: { kind: 'agency', id: AGENCY_ID } })[0]!.message).toContain('自动生成');
  });

  it('I7: requires the amount of a fine, positive, in yuan and fen', () => {
    expect(issuesOf({ ...base, fineYuan: undefined })[0]).toMatchObject({ path: 'record.fineYuan', message: expect.stringContaining('罚款金额') });
    expect(pathsOf({ ...base, fineYuan: 0 })).toEqual(['record.fineYuan']);
    expect(pathsOf({ ...base, fineYuan: -5 })).toEqual(['record.fineYuan']);
    expect(pathsOf({ ...base, fineYuan: 100.001 })).toEqual(['record.fineYuan']);
    expect(pathsOf({ ...base, fineYuan: 100.01 })).toEqual([]);
    expect(pathsOf({ ...base, rule: 'ENF_SEIZURE' })).toEqual(['record.fineYuan']);
  });

  it('I4: requires the client record of AG_CLIENT_DEDUCTED, not itself', () => {
    const ag = { ...base, fineYuan: null, rule: 'AG_CLIENT_DEDUCTED', subject: { kind: 'agency', id: AGENCY_ID } };
    expect(pathsOf(ag)).toEqual(['record.clientEventId']);
    expect(pathsOf({ ...ag, clientEventId: ag.eventId })).toEqual(['record.clientEventId']);
    expect(pathsOf({ ...ag, clientEventId: 'EX-2' })).toEqual([]);
  });

  it('Art 14(3): requires the legal basis of D14_OTHER_LEGAL', () => {
    expect(pathsOf({ ...base, fineYuan: null, rule: 'D14_OTHER_LEGAL' })).toEqual(['record.legalBasis']);
    expect(pathsOf({ ...base, fineYuan: null, rule: 'D14_OTHER_LEGAL', legalBasis: '《某法》第X条' })).toEqual([]);
  });

  it('refuses dates that are not real calendar dates, or that run backwards', () => {
    expect(pathsOf({ ...base, occurredOn: '2026-02-30' })).toEqual(['record.occurredOn']);
    expect(pathsOf({ ...base, rectifiedOn: '2026-03-13' })).toEqual(['record.rectifiedOn']);
    expect(pathsOf({ ...base, revokedOn: '2026-01-01' })).toEqual(['record.revokedOn']);
    expect(pathsOf({ ...base, rectifiedOn: '2026-05-01', repairedOn: '2026-04-01' })).toEqual(['record.repairedOn']);
    expect(pathsOf({ ...base, warning: { issuedOn: '2026-03-14', deadline: '2026-03-13' } })).toEqual(['record.warning.deadline']);
    expect(pathsOf({ ...base, warning: { issuedOn: '2026-03-01', deadline: '2026-04-13' } })).toEqual(['record.warning.issuedOn']);
  });

  it('Art 22: a credit warning announces a deduction, so a bonus cannot carry one', () => {
    expect(pathsOf({ ...base, fineYuan: null, rule: 'SR_PRAISE', warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' } })).toEqual(['record.warning']);
  });

  it('refuses a league outside Inner Mongolia and a site on a non-enterprise', () => {
    expect(pathsOf({ ...base, league: '110000' })).toEqual(['record.league']);
    expect(pathsOf({ ...base, fineYuan: null, rule: 'AG_NOTIFIED', subject: { kind: 'agency', id: AGENCY_ID, siteId: 'x' } })).toEqual(['record.subject.siteId']);
  });

  it('treats absent and null fields as the same record, other content as a different one', () => {
    const a = validate(creditRecordSchema, base);
    const b = validate(creditRecordSchema, { ...base, warning: null, rectifiedOn: null });
    const c = validate(creditRecordSchema, { ...base, fineYuan: 120001 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixtures must be valid');
    expect(sameRecord(a.value, b.value)).toBe(true);
    expect(sameRecord(a.value, c.value)).toBe(false);
  });
});
