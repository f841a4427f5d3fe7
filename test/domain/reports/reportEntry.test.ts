import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEnterprise, evaluatePractitioner } from '../../../domain/evaluation/evaluateSubject.ts';
import { DISPUTED_TEXT, GRADE_DEPENDS_TEXT, type Objection } from '../../../domain/objections/objection.ts';
import { buildReportEntry, gradeCounts, isDisputed } from '../../../domain/reports/reportEntry.ts';
import { context, ENTERPRISE_ID, enterprise, practitioner, record } from '../../support/builders.ts';

const participant = { kind: 'enterprise' as const, code: ENTERPRISE_ID, name: '呼和浩特市测试化工有限公司' };

const objection = (records: string[], over: Partial<Objection> = {}): Objection => ({
  id: 'OBJ-1',
  kind: 'confirmation',
  cycle: { year: 2026, kind: 'enterprise' },
  league: '150100',
  subject: { kind: 'enterprise', id: ENTERPRISE_ID },
  subjectName: participant.name,
  records,
  preGrade: false,
  reasons: '记录有误',
  evidenceFiles: [],
  filedAt: '2027-03-01T02:00:00Z',
  filedOn: '2027-03-01',
  filedBy: 'staff:enterprise',
  windowClosesOn: null,
  status: 'open',
  reviews: [],
  reviewedAt: null,
  reviewedBy: null,
  ...over,
});

describe('a report entry (Art 16(2), 17(3), 18(4)): the proposed result, frozen', () => {
  it('carries the score in exact tenths and the grade of the evaluation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (n) => {
        const records = Array.from({ length: n }, (_, i) => record({ eventId: `E-${i}`, rule: 'SUP_CITY' }));
        const result = evaluateEnterprise(enterprise(), records, context());
        const entry = buildReportEntry(participant, result, []);
        expect(entry.score).toBe(1000 - 20 * n);
        expect(Number.isInteger(entry.score)).toBe(true);
        expect(entry.grade).toBe(result.grade);
        expect(entry.directD).toBeNull();
        expect(isDisputed(entry)).toBe(false);
      }),
    );
  });

  it('names the article of a direct-D case (Art 14)', () => {
    const r = evaluateEnterprise(enterprise(), [record({ eventId: 'D-1', rule: 'SR_EVASION_UNCOMPLIED' })], context());
    const entry = buildReportEntry(participant, r, []);
    expect(entry.grade).toBe('D');
    expect(entry.directD).toMatchObject({ article: 'Art 14(2)', eventIds: ['D-1'] });
  });

  it('marks records under an open objection as disputed, and the grade as depending on them', () => {
    const r = evaluateEnterprise(enterprise(), [record({ eventId: 'E-1', rule: 'SUP_CITY' })], context());
    const open = buildReportEntry(participant, r, [objection(['E-1'])]);
    expect(open.disputedRecords).toEqual(['E-1']);
    expect(open.gradeDependsOnDispute).toBe(true);
    expect(isDisputed(open)).toBe(true);
    const reviewed = buildReportEntry(participant, r, [objection(['E-1'], { status: 'reviewed' })]);
    expect(isDisputed(reviewed)).toBe(false);
    expect(reviewed.gradeDependsOnDispute).toBe(false);
    expect([DISPUTED_TEXT, GRADE_DEPENDS_TEXT]).toEqual(['有异议（复核中）', '拟定等级取决于有异议的记录']);
  });

  it('a disputed pre-grade makes the grade depend on the dispute', () => {
    const r = evaluateEnterprise(enterprise(), [], context());
    const entry = buildReportEntry(participant, r, [objection([], { preGrade: true })]);
    expect(entry.preGradeDisputed).toBe(true);
    expect(entry.gradeDependsOnDispute).toBe(true);
  });

  it('never carries a practitioner’s name: the masked identity number only (Art 18(6))', () => {
    const p = practitioner(7);
    const r = evaluatePractitioner(p, [], context());
    const entry = buildReportEntry({ kind: 'practitioner', code: p.id, name: '张三' }, r, []);
    expect(entry.name).not.toContain('张三');
    expect(entry.name).toMatch(/^\d{6}\*{8}.{4}$/);
    expect(entry.score).toBeNull();
  });

  it('counts grades over entries', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D', null)), (grades) => {
        const counts = gradeCounts(grades.map((grade) => ({ grade: grade as 'A' | null })));
        expect(counts.A + counts.B + counts.C + counts.D + counts.none).toBe(grades.length);
        expect(counts.none).toBe(grades.filter((g) => g === null).length);
      }),
    );
  });
});
