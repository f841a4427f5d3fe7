import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../../../domain/evaluation/grade.ts';
import type { LeagueCode } from '../../../domain/identifiers/leagues.ts';
import type { Objection } from '../../../domain/objections/objection.ts';
import type { ReportEntry } from '../../../domain/reports/reportEntry.ts';
import {
  decisionIssues,
  finalResultsPendingRefusal,
  objectionReviewsOf,
  REVIEW_REASONS,
  type ReviewComment,
  reviewConfirmedRefusal,
  reviewItems,
  type SentReport,
  undecidedCount,
} from '../../../domain/review/reviewItems.ts';
import { leagueReportEntry } from '../../support/builders.ts';

const entry = (code: string, over: Partial<ReportEntry> = {}): ReportEntry =>
  leagueReportEntry({ code, name: `单位${code.slice(-4)}`, score: 900, grade: 'B', gradeName: '环保良好', ...over });

const publicity = (code: string, id: string, over: Partial<Objection> = {}): Objection => ({
  id,
  kind: 'publicity',
  cycle: { year: 2026, kind: 'enterprise' },
  league: '150100',
  subject: { kind: 'enterprise', id: code },
  subjectName: '单位',
  records: [],
  preGrade: true,
  reasons: '等级有误',
  evidenceFiles: [],
  filedAt: '2026-05-20T02:00:00Z',
  filedOn: '2026-05-20',
  filedBy: 'staff:enterprise',
  windowClosesOn: '2026-05-28',
  status: 'open',
  reviews: [],
  reviewedAt: null,
  reviewedBy: null,
  ...over,
});

const code = fc.stringMatching(/^[0-9A-Z]{18}$/);
const grade = fc.constantFrom<Grade | null>('A', 'B', 'C', 'D', null);
const anEntry = fc
  .record({ code, grade, blacklistProposed: fc.boolean(), preGradeDisputed: fc.boolean() })
  .map((e) => entry(e.code, e));
const leagues: LeagueCode[] = ['150100', '150200', '150600'];
const reports = fc
  .tuple(...leagues.map(() => fc.uniqueArray(anEntry, { selector: (e) => e.code, maxLength: 12 })))
  .map((per) => {
    // One participant is on one league's list only.
    const seen = new Set<string>();
    return per.map(
      (entries, i): SentReport => ({
        league: leagues[i]!,
        version: i + 1,
        entries: entries.filter((e) => {
          if (seen.has(e.code)) return false;
          seen.add(e.code);
          return true;
        }),
      }),
    );
  });

const input = (rs: SentReport[], objections: Objection[] = [], comments: ReviewComment[] = []) => ({
  year: 2026,
  kind: 'enterprise' as const,
  reports: rs,
  objections,
  comments,
});

describe('the items for the review group (Art 8: 拟纳入环保不良企业名单的评价结果、有异议的评价结果)', () => {
  it('takes every proposed D, every proposed blacklisting and every disputed entry, and nothing else', () => {
    fc.assert(
      fc.property(reports, (rs) => {
        const items = reviewItems(input(rs));
        const expected = rs
          .flatMap((r) => r.entries)
          .filter((e) => e.grade === 'D' || e.blacklistProposed || e.preGradeDisputed)
          .map((e) => e.code)
          .sort();
        expect(items.map((i) => i.code).sort()).toEqual(expected);
      }),
    );
  });

  it('gives every reason an item has, in a fixed order, never none', () => {
    fc.assert(
      fc.property(reports, (rs) => {
        for (const i of reviewItems(input(rs))) {
          expect(i.reasons.length).toBeGreaterThan(0);
          expect(i.reasons.includes('proposedD')).toBe(i.entry.grade === 'D');
          expect(i.reasons.includes('blacklistProposed')).toBe(i.entry.blacklistProposed);
          expect(i.reasons.includes('disputed')).toBe(i.entry.preGradeDisputed);
          expect([...i.reasons]).toEqual(REVIEW_REASONS.filter((r) => i.reasons.includes(r)));
        }
      }),
    );
  });

  it('orders items by league then code, each with its report version and league', () => {
    fc.assert(
      fc.property(reports, (rs) => {
        const items = reviewItems(input(rs));
        const keys = items.map((i) => `${i.league}#${i.code}`);
        expect(keys).toEqual([...keys].sort());
        for (const i of items) expect(rs.find((r) => r.league === i.league)!.version).toBe(i.reportVersion);
      }),
    );
  });

  it('makes a result disputed by an enterprise objection in publicity (Art 16(3)), linking it', () => {
    const e = entry('91150100MA0000001X');
    const items = reviewItems(input([{ league: '150100', version: 1, entries: [e] }], [publicity(e.code, 'OBJ-P')]));
    expect(items).toHaveLength(1);
    expect(items[0]!.reasons).toEqual(['disputed']);
    expect(items[0]!.objections).toEqual(['OBJ-P']);
  });

  it('ignores objections of another year, and confirmation objections already in the report', () => {
    const e = entry('91150100MA0000001X');
    const items = reviewItems(
      input(
        [{ league: '150100', version: 1, entries: [e] }],
        [
          publicity(e.code, 'OBJ-OLD', { cycle: { year: 2025, kind: 'enterprise' } }),
          publicity(e.code, 'OBJ-C', { kind: 'confirmation' }),
        ],
      ),
    );
    expect(items).toEqual([]);
  });

  it('makes a result disputed by a comment only when its finding changes something', () => {
    const e = entry('91150100MA0000001X');
    const rs = [{ league: '150100' as const, version: 1, entries: [e] }];
    const subject = { kind: 'enterprise' as const, id: e.code };
    expect(reviewItems(input(rs, [], [{ id: 'C-1', subject, needsReview: false }]))).toEqual([]);
    const items = reviewItems(input(rs, [], [{ id: 'C-2', subject, needsReview: true }]));
    expect(items[0]!.comments).toEqual(['C-2']);
    expect(items[0]!.reasons).toEqual(['disputed']);
  });
});

describe('a decision of the review group (Art 8, 16(4): with reasons; a change goes through the records)', () => {
  const records = new Set(['E-1', 'E-2']);

  it('requires reasons', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t]*$/), (reasons) => {
        expect(decisionIssues({ outcome: 'confirmed', reasons, revoke: [] }, records).map((i) => i.path)).toContain(
          'reasons',
        );
      }),
    );
  });

  it("accepts a confirmation with reasons and a change revoking the subject's own records", () => {
    expect(decisionIssues({ outcome: 'confirmed', reasons: '经核实，评价结果无误', revoke: [] }, records)).toEqual([]);
    expect(decisionIssues({ outcome: 'changed', reasons: '处罚决定已被撤销', revoke: ['E-2'] }, records)).toEqual([]);
  });

  it("refuses a change naming no record, or a record that is not the subject's", () => {
    expect(decisionIssues({ outcome: 'changed', reasons: '理由', revoke: [] }, records)[0]!.path).toBe('revoke');
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !records.has(s)),
        (id) => {
          expect(
            decisionIssues({ outcome: 'changed', reasons: '理由', revoke: [id] }, records).map((i) => i.path),
          ).toEqual(['revoke']);
        },
      ),
    );
  });

  it('refuses a confirmation that revokes records', () => {
    expect(decisionIssues({ outcome: 'confirmed', reasons: '理由', revoke: ['E-1'] }, records)[0]!.path).toBe('revoke');
  });
});

describe('复核审定 waits for every item (Art 16(4), 17(6), 18(5))', () => {
  it('counts the undecided items and names how many in its refusal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(code, { maxLength: 20 }), fc.integer({ min: 0, max: 20 }), (codes, k) => {
        const decided = new Set(codes.slice(0, k));
        const n = undecidedCount(
          codes.map((c) => ({ code: c })),
          decided,
        );
        expect(n).toBe(Math.max(0, codes.length - k));
        const refusal = reviewConfirmedRefusal(n);
        if (n === 0) expect(refusal).toBeNull();
        else expect(refusal).toContain(`尚有${n}项`);
      }),
    );
  });
});

describe('publication waits for every frozen final result (Art 16(5), 17(7))', () => {
  it('refuses while fewer are frozen than expected, naming both counts', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (expected, frozen) => {
        const refusal = finalResultsPendingRefusal(expected, frozen);
        if (frozen >= expected) expect(refusal).toBeNull();
        else expect(refusal).toContain(`已生成${frozen}个，共${expected}个`);
      }),
    );
  });
});

describe('变更 through corrections (更正), and the answer to an objection in publicity (Art 8, 16(3)-(4))', () => {
  const records = new Set(['E-1', 'E-2']);
  const correction = { rule: 'HW_BASIC', occurredOn: '2025-08-01', fineYuan: null, summary: null };

  it('a correction names a record of the year, not one also revoked, with a valid date; each problem named', () => {
    const changed = (correct: { target: string; correction: typeof correction }[], revoke: string[] = []) =>
      decisionIssues({ outcome: 'changed', reasons: '理由', revoke, correct }, records).map((i) => i.path);
    expect(changed([{ target: 'E-1', correction }])).toEqual([]);
    expect(changed([{ target: 'E-9', correction }])).toEqual(['correct.E-9']);
    expect(changed([{ target: 'E-1', correction }], ['E-1'])).toEqual(['correct.E-1']);
    expect(changed([{ target: 'E-1', correction: { ...correction, occurredOn: '2025-13' } }])).toEqual([
      'correct.E-1.occurredOn',
    ]);
    expect(changed([{ target: 'E-1', correction: { ...correction, rule: ' ' } }])).toEqual(['correct.E-1.rule']);
    expect(
      decisionIssues(
        { outcome: 'confirmed', reasons: '理由', revoke: [], correct: [{ target: 'E-1', correction }] },
        records,
      ).map((i) => i.path),
    ).toEqual(['correct']);
  });

  it('answers every disputed target once, as the decision did, with its reasons', () => {
    const id = fc.constantFrom<string>('E-1', 'E-2', 'E-3', 'E-4');
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom<'confirmed' | 'changed'>('confirmed', 'changed'),
        fc.uniqueArray(id, { maxLength: 4 }),
        (disputed, preGrade, outcome, touched) => {
          const revoked = touched.filter((_, n) => n % 2 === 0);
          const corrected = touched
            .filter((_, n) => n % 2 === 1)
            .map((target) => ({ ...correction, target, eventId: `${target}.c1` }));
          const d = { outcome, reasons: '复核理由', revoked, corrected };
          const answers = objectionReviewsOf({ records: disputed, preGrade }, d);
          expect(answers.map((a) => a.target)).toEqual([...disputed, ...(preGrade ? ['preGrade'] : [])]);
          for (const a of answers) {
            expect(a.reasons).toBe('复核理由');
            if (a.target === 'preGrade') expect(a.outcome).toBe(outcome === 'changed' ? 'corrected' : 'upheld');
            else if (revoked.includes(a.target)) expect(a.outcome).toBe('revoked');
            else if (corrected.some((c) => c.target === a.target))
              expect(a).toMatchObject({ outcome: 'corrected', correction: { eventId: `${a.target}.c1` } });
            else expect(a.outcome).toBe('upheld');
          }
        },
      ),
    );
  });
});
