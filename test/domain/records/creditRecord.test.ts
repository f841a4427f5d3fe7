import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CASE_NO_LENGTH,
  MAX_DEPARTMENT_LENGTH,
  MAX_EVENT_ID_LENGTH,
  MAX_FINE_YUAN,
  MAX_LEGAL_BASIS_LENGTH,
  MAX_RECORD_JSON_BYTES,
  MAX_SITE_ID_LENGTH,
  MAX_SUMMARY_LENGTH,
} from '../../../domain/records/bounds.ts';
import {
  canonicalRecord,
  creditRecordSchema,
  parseCreditRecord,
  readValidCreditRecord,
  sameRecord,
} from '../../../domain/records/creditRecord.ts';
import { validate } from '../../../domain/validation.ts';
import { generateDataSet } from '../../../infra/local/demoData.ts';
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

describe('credit record schema (docs/api.md §1)', () => {
  it('accepts the documented shape', () => {
    expect(issuesOf(base)).toEqual([]);
    expect(
      issuesOf({
        ...base,
        clientEventId: null,
        legalBasis: null,
        warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' },
        rectifiedOn: null,
        repairedOn: null,
        revokedOn: null,
      }),
    ).toEqual([]);
  });

  it('refuses an eventId outside 1-128 chars of [A-Za-z0-9._:-]', () => {
    expect(pathsOf({ ...base, eventId: '' })).toEqual(['record.eventId']);
    expect(pathsOf({ ...base, eventId: 'a b' })).toEqual(['record.eventId']);
    expect(pathsOf({ ...base, eventId: 'x'.repeat(129) })).toEqual(['record.eventId']);
    expect(pathsOf({ ...base, eventId: 'x'.repeat(128) })).toEqual([]);
  });

  it('checks the subject identifier against its kind (GB 32100-2015, GB 11643)', () => {
    expect(issuesOf({ ...base, subject: { kind: 'enterprise', id: '91150100MA0N000001' } })[0]).toMatchObject({
      path: 'record.subject.id',
      message: expect.stringContaining('校验码'),
    });
    expect(
      pathsOf({
        ...base,
        rule: 'PR_FRAUD_IN_SERVICE',
        fineYuan: null,
        subject: { kind: 'practitioner', id: residentId(1) },
      }),
    ).toEqual([]);
    expect(
      pathsOf({
        ...base,
        rule: 'PR_FRAUD_IN_SERVICE',
        fineYuan: null,
        subject: { kind: 'practitioner', id: ENTERPRISE_ID },
      }),
    ).toEqual(['record.subject.id']);
  });

  it('refuses unknown codes, codes of another kind and the derived-only code', () => {
    expect(issuesOf({ ...base, rule: 'NOPE' })[0]).toMatchObject({
      path: 'record.rule',
      message: '未知的评价指标代码：NOPE',
    });
    expect(pathsOf({ ...base, rule: 'AG_NOTIFIED', fineYuan: null })).toEqual(['record.rule']);
    expect(
      issuesOf({ ...base, rule: 'AG_STAFF_RECORDS', fineYuan: null, subject: { kind: 'agency', id: AGENCY_ID } })[0]!
        .message,
    ).toContain('自动生成');
  });

  it('I7: requires the amount of a fine, positive, in yuan and fen', () => {
    expect(issuesOf({ ...base, fineYuan: undefined })[0]).toMatchObject({
      path: 'record.fineYuan',
      message: expect.stringContaining('罚款金额'),
    });
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
    expect(pathsOf({ ...base, warning: { issuedOn: '2026-03-14', deadline: '2026-03-13' } })).toEqual([
      'record.warning.deadline',
    ]);
    expect(pathsOf({ ...base, warning: { issuedOn: '2026-03-01', deadline: '2026-04-13' } })).toEqual([
      'record.warning.issuedOn',
    ]);
  });

  it('Art 22: a credit warning announces a deduction, so a bonus cannot carry one', () => {
    expect(
      pathsOf({
        ...base,
        fineYuan: null,
        rule: 'SR_PRAISE',
        warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' },
      }),
    ).toEqual(['record.warning']);
  });

  it('refuses a league outside Inner Mongolia and a site on a non-enterprise', () => {
    expect(pathsOf({ ...base, league: '110000' })).toEqual(['record.league']);
    expect(
      pathsOf({
        ...base,
        fineYuan: null,
        rule: 'AG_NOTIFIED',
        subject: { kind: 'agency', id: AGENCY_ID, siteId: 'x' },
      }),
    ).toEqual(['record.subject.siteId']);
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

describe('I18: credit warnings are for units', () => {
  it('refuses a practitioner record carrying a credit warning, naming the field', () => {
    const pr = {
      ...base,
      fineYuan: null,
      rule: 'PR_FRAUD_IN_SERVICE',
      subject: { kind: 'practitioner', id: residentId(1) },
    };
    expect(pathsOf(pr)).toEqual([]);
    const issues = issuesOf({ ...pr, warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' } });
    expect(issues).toEqual([{ path: 'record.warning', message: expect.stringContaining('相关从业人员') }]);
  });

  it('takes warnings on enterprise and agency records', () => {
    const warning = { issuedOn: '2026-03-14', deadline: '2026-04-14' };
    expect(pathsOf({ ...base, warning })).toEqual([]);
    expect(
      pathsOf({ ...base, fineYuan: null, rule: 'AG_NOTIFIED', subject: { kind: 'agency', id: AGENCY_ID }, warning }),
    ).toEqual([]);
  });
});

describe('every problem of a record at once', () => {
  it('reports field types, field checks and catalogue checks together', () => {
    const paths = pathsOf({
      ...base,
      eventId: 'bad id',
      rule: 'NOPE',
      department: 2,
      league: 1,
      occurredOn: 'x',
      subject: { kind: 'enterprise', id: '91150100MA0N000001' },
    });
    expect(paths.sort()).toEqual([
      'record.department',
      'record.eventId',
      'record.league',
      'record.occurredOn',
      'record.rule',
      'record.subject.id',
    ]);
  });

  it('names a field once, with its own problem, when its type is wrong', () => {
    expect(issuesOf({ ...base, fineYuan: 'x', rectifiedOn: 5 })).toEqual([
      { path: 'record.fineYuan', message: '罚款金额须为数字' },
      { path: 'record.rectifiedOn', message: expect.stringContaining('整改完成日期') },
    ]);
  });

  it('checks the lifecycle dates against a valid occurrence date even when another field is wrong', () => {
    expect(pathsOf({ ...base, department: 7, revokedOn: '2026-01-01' }).sort()).toEqual([
      'record.department',
      'record.revokedOn',
    ]);
  });
});

describe('bounds: everything accepted can be stored (docs/input-bounds.md)', () => {
  it('I7: a fine is at most MAX_FINE_YUAN, far below 2^53', () => {
    expect(MAX_FINE_YUAN * 100).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(pathsOf({ ...base, fineYuan: MAX_FINE_YUAN })).toEqual([]);
    expect(pathsOf({ ...base, fineYuan: MAX_FINE_YUAN + 1 })).toEqual(['record.fineYuan']);
    expect(issuesOf({ ...base, fineYuan: 2 ** 53 })[0]).toMatchObject({
      path: 'record.fineYuan',
      message: expect.stringContaining('100亿'),
    });
    expect(pathsOf({ ...base, fineYuan: Number.MAX_VALUE })).toEqual(['record.fineYuan']);
  });

  it.each([
    ['department', MAX_DEPARTMENT_LENGTH, {}],
    ['caseNo', MAX_CASE_NO_LENGTH, {}],
    ['summary', MAX_SUMMARY_LENGTH, {}],
    ['legalBasis', MAX_LEGAL_BASIS_LENGTH, { rule: 'D14_OTHER_LEGAL', fineYuan: null }],
  ] as const)('%s is at most %d characters', (field, max, over) => {
    expect(pathsOf({ ...base, ...over, [field]: '字'.repeat(max) })).toEqual([]);
    expect(issuesOf({ ...base, ...over, [field]: '字'.repeat(max + 1) })).toEqual([
      { path: `record.${field}`, message: expect.stringContaining(String(max)) },
    ]);
  });

  it('a site, a rule code and a subject id are bounded before they are looked at', () => {
    expect(pathsOf({ ...base, subject: { ...base.subject, siteId: 'P'.repeat(MAX_SITE_ID_LENGTH + 1) } })).toEqual([
      'record.subject.siteId',
    ]);
    const longRule = issuesOf({ ...base, rule: 'X'.repeat(100_000) });
    expect(longRule).toEqual([{ path: 'record.rule', message: expect.stringContaining('64') }]);
    expect(JSON.stringify(longRule).length).toBeLessThan(500);
    expect(pathsOf({ ...base, subject: { kind: 'enterprise', id: '9'.repeat(100_000) } })).toEqual([
      'record.subject.id',
    ]);
  });

  it('refuses control characters and lone surrogates; a summary may break lines', () => {
    expect(pathsOf({ ...base, department: '150100\u0000EEB' })).toEqual(['record.department']);
    expect(pathsOf({ ...base, caseNo: '呼环罚\n12号' })).toEqual(['record.caseNo']);
    expect(pathsOf({ ...base, summary: '第一行\n第二行\t完' })).toEqual([]);
    expect(pathsOf({ ...base, summary: 'bad \uD800 half' })).toEqual(['record.summary']);
    expect(pathsOf({ ...base, summary: '𠀀 whole pair' })).toEqual([]);
  });

  it('a record with every field at its bound stays within MAX_RECORD_JSON_BYTES', () => {
    const worst = {
      ...base,
      eventId: 'E'.repeat(MAX_EVENT_ID_LENGTH),
      subject: { ...base.subject, siteId: '字'.repeat(MAX_SITE_ID_LENGTH) },
      rule: 'D14_OTHER_LEGAL',
      fineYuan: null,
      department: '字'.repeat(MAX_DEPARTMENT_LENGTH),
      caseNo: '字'.repeat(MAX_CASE_NO_LENGTH),
      legalBasis: '字'.repeat(MAX_LEGAL_BASIS_LENGTH),
      summary: '字'.repeat(MAX_SUMMARY_LENGTH),
      warning: { issuedOn: '2026-03-14', deadline: '2026-04-14' },
      rectifiedOn: '2026-03-15',
      repairedOn: '2026-03-16',
      revokedOn: '2026-03-17',
    };
    const r = parseCreditRecord(worst);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.byteLength(canonicalRecord(r.value), 'utf8')).toBeLessThanOrEqual(MAX_RECORD_JSON_BYTES);
  });

  it('no accepted record exceeds MAX_RECORD_JSON_BYTES or holds an unsafe number (property)', () => {
    const text = (max: number) => fc.string({ unit: 'binary', maxLength: max + 3 });
    fc.assert(
      fc.property(
        fc.record({
          department: text(MAX_DEPARTMENT_LENGTH),
          caseNo: text(MAX_CASE_NO_LENGTH),
          summary: text(MAX_SUMMARY_LENGTH),
          siteId: text(MAX_SITE_ID_LENGTH),
          fineYuan: fc.double({ min: 0, max: 1e17, noNaN: true }),
        }),
        (f) => {
          const r = parseCreditRecord({
            ...base,
            department: f.department,
            caseNo: f.caseNo,
            summary: f.summary,
            subject: { ...base.subject, siteId: f.siteId },
            fineYuan: f.fineYuan,
          });
          if (!r.ok) return;
          expect(Buffer.byteLength(canonicalRecord(r.value), 'utf8')).toBeLessThanOrEqual(MAX_RECORD_JSON_BYTES);
          expect(Number.isSafeInteger(Math.round(r.value.fineYuan! * 100))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the hand-written check of the common record form agrees with the schema', () => {
  const valid = generateDataSet(12, 120, 7).records;
  /** Values that break one field or another: wrong types, bounds, bad dates, control characters. */
  const odd = fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    ' ',
    0,
    -1,
    1.005,
    12.34,
    Number.MAX_VALUE,
    true,
    [],
    {},
    ['2026-03-01'],
    'x'.repeat(65),
    'x'.repeat(129),
    'a\nb',
    'a\u0007b',
    '\ud800',
    '2026-02-30',
    '2024-02-29',
    '2100-02-29',
    '2000-02-29',
    '2026-04-31',
    '2026-04-30',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0026-01-01',
    '9999-12-31',
    '2026-01-1a',
    '2026/01/10',
    '２０２６-01-01',
    '2026-3-1',
    '2026-03-01',
    '2025-12-31',
    '1899-12-31',
    'ENF_FINE',
    'AG_CLIENT_DEDUCTED',
    'AG_STAFF_RECORDS',
    'D14_OTHER_LEGAL',
    'PMT_LEDGER',
    'SR_COMMENDATION',
    'NOPE',
    '150100',
    '150000',
    '110000',
    'enterprise',
    'agency',
    'practitioner',
    ENTERPRISE_ID,
    AGENCY_ID,
    residentId(3),
    `${ENTERPRISE_ID}X`,
    'B-1',
    'B 1',
    { issuedOn: '2026-03-01', deadline: '2026-04-01' },
    { issuedOn: '2026-04-01', deadline: '2026-03-01' },
    { issuedOn: '2026-03-01' },
    { kind: 'enterprise', id: ENTERPRISE_ID },
    { kind: 'agency', id: AGENCY_ID, siteId: null },
  );
  const FIELDS = [
    'eventId',
    'subject',
    'rule',
    'occurredOn',
    'department',
    'league',
    'fineYuan',
    'clientEventId',
    'legalBasis',
    'caseNo',
    'summary',
    'warning',
    'rectifiedOn',
    'repairedOn',
    'revokedOn',
    'extra',
  ];
  const SUBJECT_FIELDS = ['kind', 'id', 'siteId', 'extra'];
  const input = fc
    .record({
      base: fc.constantFrom(...valid),
      changes: fc.array(fc.tuple(fc.constantFrom(...FIELDS), odd), { maxLength: 3 }),
      subjectChanges: fc.array(fc.tuple(fc.constantFrom(...SUBJECT_FIELDS), odd), { maxLength: 2 }),
      drop: fc.option(fc.constantFrom(...FIELDS)),
    })
    .map(({ base, changes, subjectChanges, drop }) => {
      // Through JSON, as the command line and the webhook receive it.
      const r = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      for (const [k, v] of changes) r[k] = v;
      if (typeof r.subject === 'object' && r.subject !== null && !Array.isArray(r.subject))
        for (const [k, v] of subjectChanges) (r.subject as Record<string, unknown>)[k] = v;
      if (drop !== null) delete r[drop];
      return r;
    });

  it('accepts only what the schema accepts, as the same record; anything else goes to the schema', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const fast = readValidCreditRecord(raw);
        const schema = parseCreditRecord(raw);
        if (fast !== undefined) {
          expect(schema.ok).toBe(true);
          if (schema.ok) expect(fast).toStrictEqual(schema.value);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes every record of the demonstration region (the common form) without the schema', () => {
    for (const r of valid) {
      const raw = JSON.parse(JSON.stringify(r));
      expect(readValidCreditRecord(raw)).toStrictEqual(r);
      expect(parseCreditRecord(raw)).toStrictEqual({ ok: true, value: r });
    }
  });

  it('leaves a record with any problem to the schema, which names the field', () => {
    const raw = JSON.parse(JSON.stringify(valid[0]));
    expect(readValidCreditRecord({ ...raw, occurredOn: '2026-02-30' })).toBeUndefined();
    expect(readValidCreditRecord({ ...raw, league: '110000' })).toBeUndefined();
    expect(readValidCreditRecord({ ...raw, rule: 'AG_STAFF_RECORDS' })).toBeUndefined();
    expect(readValidCreditRecord({ ...raw, rectifiedOn: '2000-01-01' })).toBeUndefined();
    expect(readValidCreditRecord([raw])).toBeUndefined();
    expect(readValidCreditRecord(Object.assign(Object.create({ rule: 'ENF_FINE' }), raw))).toBeUndefined();
  });
});
