import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { type Cycle, openCycle, transition } from '../../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../../domain/cycles/definitions.ts';
import {
  correctedEventId,
  disputedRecords,
  gradeDependsOnDispute,
  MAX_OBJECTION_FILES,
  type Objection,
  type ObjectionInput,
  objectionIdOf,
  objectionIdShown,
  objectionInputIssues,
  objectionWindow,
  PRE_GRADE,
  parseObjectionId,
  publicityWindow,
  reviewDeadlineOf,
  reviewed,
  reviewIssues,
  reviewTargets,
  type TargetReview,
  windowFor,
} from '../../../domain/objections/objection.ts';
import { uscc } from '../../support/builders.ts';

const cal = officialWorkingCalendar();
const ORDOS = '150600' as const;
const AGENCY = { kind: 'agency' as const, id: uscc(901, ORDOS) };

/** A cycle of `kind` for Ordos alone, moved to its CONFIRMATION stage with the notice given on 2026-04-01. */
const inConfirmation = (kind: Extract<CycleKind, 'agency' | 'practitioner'>): Cycle => {
  let c = openCycle(kind, 2025, '2026-03-02T02:00:00Z', cal, [ORDOS]).cycle;
  const step = (t: Parameters<typeof transition>[1], at: string) => {
    const r = transition(c, t, at, cal);
    if (!r.ok) throw new Error(r.refusal.message);
    c = r.cycle;
  };
  step({ type: 'act', act: 'listConfirmed', league: ORDOS }, '2026-03-02T02:00:00Z');
  if (kind === 'agency') {
    step({ type: 'act', act: 'participantsNotified', league: ORDOS }, '2026-03-02T02:00:00Z');
    const filing = c.deadlines.find((d) => d.id === `FILING.end@${ORDOS}`)!;
    step({ type: 'deadline', deadlineId: filing.id, at: filing.at }, '2026-04-01T01:00:00Z');
  }
  step({ type: 'act', act: 'supplementDone', league: ORDOS }, '2026-04-01T02:00:00Z');
  return c;
};
const notified = (c: Cycle): Cycle => {
  const r = transition(c, { type: 'act', act: 'confirmationNotified', league: ORDOS }, '2026-04-01T02:00:00Z', cal);
  if (!r.ok) throw new Error(r.refusal.message);
  return r.cycle;
};

const input = (over: Partial<ObjectionInput> = {}): ObjectionInput => ({
  records: ['R-1'],
  preGrade: false,
  reasons: '该记录有误',
  evidenceFiles: [],
  ...over,
});

const objection = (over: Partial<Objection> = {}): Objection => ({
  id: objectionIdOf(AGENCY, 2025, input()),
  kind: 'confirmation',
  cycle: { year: 2025, kind: 'agency' },
  league: ORDOS,
  subject: AGENCY,
  subjectName: '测试机构',
  records: ['R-1', 'R-2'],
  preGrade: false,
  reasons: '有误',
  evidenceFiles: [],
  filedAt: '2026-04-02T02:00:00Z',
  filedOn: '2026-04-02',
  filedBy: `staff:agency:${AGENCY.id}`,
  windowClosesOn: '2026-04-09',
  status: 'open',
  reviews: [],
  reviewedAt: null,
  reviewedBy: null,
  ...over,
});

const eventId = fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/);

describe('the objection window (Art 17(3), 18(4))', () => {
  it('is open only after the confirmation notice, until the 5-working-day window closes', () => {
    const before = inConfirmation('agency');
    expect(objectionWindow(before, ORDOS, '2026-04-01T03:00:00Z')).toMatchObject({
      open: false,
      reason: '尚未通知确认环境信息和预评结果',
    });
    const open = notified(before);
    const w = objectionWindow(open, ORDOS, '2026-04-01T03:00:00Z');
    expect(w).toMatchObject({ open: true, opensOn: '2026-04-01', article: 'Art 17(3)' });
    // 5 working days from 2026-04-01, around the Qingming holiday (2026-04-04 to 04-06).
    expect(w.open && w.closesOn).toBe(open.deadlines.find((d) => d.id === `CONFIRMATION.end@${ORDOS}`)!.on);
    const end = open.deadlines.find((d) => d.id === `CONFIRMATION.end@${ORDOS}`)!;
    const closed = transition(open, { type: 'deadline', deadlineId: end.id, at: end.at }, end.at, cal);
    expect(closed.ok && objectionWindow(closed.cycle, ORDOS, end.at)).toMatchObject({ open: false });
    // Closed at its instant even while the deadline's firing is still to come.
    expect(objectionWindow(open, ORDOS, '2026-04-30T00:00:00Z')).toMatchObject({
      open: false,
      reason: '异议期限已届满',
    });
  });

  it('for practitioners cites Art 18(4)', () => {
    expect(objectionWindow(notified(inConfirmation('practitioner')), ORDOS, '2026-04-01T03:00:00Z')).toMatchObject({
      open: true,
      article: 'Art 18(4)',
    });
  });

  it('is never open in a league still listing, nor for enterprises (Art 16 has no confirmation stage)', () => {
    const c = openCycle('agency', 2025, '2026-03-02T02:00:00Z', cal, [ORDOS]).cycle;
    expect(objectionWindow(c, ORDOS, '2026-03-02T03:00:00Z').open).toBe(false);
    const e = openCycle('enterprise', 2025, '2026-01-05T02:00:00Z', cal, [ORDOS]).cycle;
    expect(objectionWindow(e, ORDOS, '2026-03-02T03:00:00Z')).toMatchObject({
      open: false,
      reason: '本类评价对象没有确认环境信息和预评结果环节',
    });
  });

  it('an objection received by the cycle gets its review limit on the deadline path: 10 working days (Art 17(3))', () => {
    const o = objection();
    const r = transition(
      notified(inConfirmation('agency')),
      { type: 'act', act: 'objectionReceived', league: ORDOS, caseId: o.id },
      '2026-04-02T02:00:00Z',
      cal,
    );
    expect(r.ok).toBe(true);
    const limit = r.ok ? reviewDeadlineOf(r.cycle, o) : null;
    expect(limit).toMatchObject({ article: 'Art 17(3)', overdue: false });
    expect(limit!.on > '2026-04-14').toBe(true);
  });
});

describe('an enterprise objects during publicity (Art 16(3), Art 8)', () => {
  it('only while the region’s publicity window is open', () => {
    let c = openCycle('enterprise', 2025, '2026-01-05T02:00:00Z', cal, [ORDOS]).cycle;
    const step = (t: Parameters<typeof transition>[1], at: string) => {
      const r = transition(c, t, at, cal);
      if (!r.ok) throw new Error(r.refusal.message);
      c = r.cycle;
    };
    step({ type: 'act', act: 'listConfirmed', league: ORDOS }, '2026-01-05T02:00:00Z');
    step({ type: 'act', act: 'participantsNotified', league: ORDOS }, '2026-01-05T02:00:00Z');
    const filing = c.deadlines.find((d) => d.id === `FILING.end@${ORDOS}`)!;
    step({ type: 'deadline', deadlineId: filing.id, at: filing.at }, filing.at);
    step({ type: 'act', act: 'reportSent', league: ORDOS }, '2026-04-01T02:00:00Z');
    step({ type: 'act', act: 'regionReleased' }, '2026-05-06T02:00:00Z');
    expect(publicityWindow(c, '2026-05-06T03:00:00Z')).toMatchObject({ open: false });
    step({ type: 'act', act: 'publicityOpened' }, '2026-05-07T02:00:00Z');
    const w = windowFor(c, ORDOS, '2026-05-07T03:00:00Z');
    expect(w).toMatchObject({ open: true, opensOn: '2026-05-07', article: 'Art 16(3)' });
    expect(publicityWindow(c, '2026-06-30T03:00:00Z')).toMatchObject({ open: false, reason: '公示期已届满' });
    expect(publicityWindow(notified(inConfirmation('agency')), '2026-04-01T03:00:00Z').open).toBe(false);
  });
});

describe('what an objection must say', () => {
  it('names disputed records of its own, or the pre-grade as a whole, and gives reasons', () => {
    const own = new Set(['R-1', 'R-2']);
    expect(objectionInputIssues(input(), own)).toEqual([]);
    expect(objectionInputIssues(input({ records: [], preGrade: true }), own)).toEqual([]);
    expect(objectionInputIssues(input({ records: [] }), own).map((i) => i.path)).toEqual(['records']);
    expect(objectionInputIssues(input({ records: ['OTHER'] }), own)[0]!.message).toContain(
      '不是本单位本年度的信用信息',
    );
    expect(objectionInputIssues(input({ reasons: '  ' }), own)).toEqual([
      { path: 'reasons', message: '异议理由不能为空' },
    ]);
    expect(objectionInputIssues(input({ reasons: 'x'.repeat(4001) }), own)[0]!.path).toBe('reasons');
    const files = Array.from({ length: MAX_OBJECTION_FILES + 1 }, (_, i) => `f${i}`);
    expect(objectionInputIssues(input({ evidenceFiles: files }), own)[0]!.path).toBe('evidenceFiles');
  });

  it('property: any record outside the participant’s own is refused, naming the field `records`', () => {
    fc.assert(
      fc.property(fc.uniqueArray(eventId, { minLength: 1, maxLength: 10 }), eventId, (own, stranger) => {
        fc.pre(!own.includes(stranger));
        const issues = objectionInputIssues(input({ records: [...own, stranger] }), new Set(own));
        expect(issues.length).toBe(1);
        expect(issues[0]!.path).toBe('records');
      }),
    );
  });

  it('property: the id is the same for the same objection whatever the order, and names its subject and year', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(eventId, { minLength: 1, maxLength: 8 }),
        fc.string({ minLength: 1 }),
        (records, reasons) => {
          const a = objectionIdOf(AGENCY, 2025, input({ records, reasons }));
          const b = objectionIdOf(AGENCY, 2025, input({ records: [...records].reverse(), reasons: ` ${reasons} ` }));
          expect(a).toBe(b);
          expect(a).toMatch(/^[A-Za-z0-9-]+$/);
          expect(parseObjectionId(a)).toEqual({ subject: AGENCY, year: 2025 });
        },
      ),
    );
    expect(objectionIdOf(AGENCY, 2025, input({ reasons: 'a' }))).not.toBe(
      objectionIdOf(AGENCY, 2025, input({ reasons: 'b' })),
    );
    expect(parseObjectionId('agency-x-2025-abc')).toBeNull();
  });
});

describe('the review (Art 17(3), 18(4): each disputed record, with reasons)', () => {
  const upheld = (target: string): TargetReview => ({ target, outcome: 'upheld', reasons: '维持理由' });

  it('decides every disputed record exactly once, always with reasons', () => {
    const o = objection({ preGrade: true });
    expect(reviewTargets(o)).toEqual(['R-1', 'R-2', PRE_GRADE]);
    expect(reviewIssues(o, reviewTargets(o).map(upheld))).toEqual([]);
    expect(reviewIssues(o, [upheld('R-1'), upheld(PRE_GRADE)]).map((i) => i.path)).toEqual(['reviews.R-2']);
    expect(reviewIssues(o, [...reviewTargets(o).map(upheld), upheld('R-1')]).map((i) => i.path)).toEqual([
      'reviews.R-1',
    ]);
    expect(reviewIssues(o, [...reviewTargets(o).map(upheld), upheld('R-9')]).map((i) => i.path)).toEqual([
      'reviews.R-9',
    ]);
    const noReason = reviewTargets(o).map((t) => ({ ...upheld(t), reasons: t === 'R-2' ? '' : 'x' }));
    expect(reviewIssues(o, noReason).map((i) => i.path)).toEqual(['reviews.R-2.reasons']);
  });

  it('never revokes the pre-grade as a whole, and a correction carries its fields and derived eventId', () => {
    const o = objection({ records: ['R-1'], preGrade: true });
    expect(reviewIssues(o, [upheld('R-1'), { target: PRE_GRADE, outcome: 'revoked', reasons: 'x' }])[0]!.message).toBe(
      '预评等级整体只能维持或更正',
    );
    const corrected: TargetReview = { target: 'R-1', outcome: 'corrected', reasons: '金额有误' };
    expect(reviewIssues(o, [corrected, upheld(PRE_GRADE)])[0]!.path).toBe('reviews.R-1.correction');
    const fields = { rule: 'AG_NOTIFIED', occurredOn: '2025-06-02', fineYuan: null, summary: null };
    expect(
      reviewIssues(o, [{ ...corrected, correction: { ...fields, eventId: 'R-1.c1' } }, upheld(PRE_GRADE)]),
    ).toEqual([]);
    expect(
      reviewIssues(o, [{ ...corrected, correction: { ...fields, eventId: 'R-1.c9' } }, upheld(PRE_GRADE)]),
    ).toHaveLength(1);
  });

  it('a reviewed objection is not reviewed again', () => {
    const o = objection({ records: ['R-1'] });
    const done = reviewed(o, [upheld('R-1')], '2026-04-03T02:00:00Z', 'staff:league:150600');
    expect(done).toMatchObject({ status: 'reviewed', reviewedBy: 'staff:league:150600' });
    expect(reviewIssues(done, [upheld('R-1')]).map((i) => i.message)).toContain('该异议已复核');
  });

  it('property: a corrected record’s eventId is derived from the old one, and again from a correction', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_:-]{1,100}$/), (old) => {
        const first = correctedEventId(old)!;
        expect(first).toBe(`${old}.c1`);
        expect(correctedEventId(first)).toBe(`${old}.c2`);
      }),
    );
    expect(correctedEventId('x'.repeat(127))).toBeNull();
  });
});

describe('disputed records (shown everywhere until reviewed)', () => {
  it('property: a record is disputed exactly when an open objection names it; the grade depends on it when counted', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ records: fc.uniqueArray(eventId, { maxLength: 4 }), open: fc.boolean(), preGrade: fc.boolean() }),
          {
            maxLength: 5,
          },
        ),
        fc.uniqueArray(eventId, { maxLength: 6 }),
        (specs, counted) => {
          const list = specs.map((s) =>
            objection({ records: s.records, preGrade: s.preGrade, status: s.open ? 'open' : 'reviewed' }),
          );
          const disputed = disputedRecords(list);
          for (const s of specs) for (const r of s.records) if (s.open) expect(disputed.has(r)).toBe(true);
          const expected = specs.some((s) => s.open && (s.preGrade || s.records.some((r) => counted.includes(r))));
          expect(gradeDependsOnDispute(list, counted)).toBe(expected);
        },
      ),
    );
  });
});

describe('an objection id as shown (Art 18(6))', () => {
  it('masks a practitioner’s resident identity number, keeps units’ ids whole, and still names the objection', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-6][0-9]{16}[0-9X]$/),
        fc.boolean(),
        fc.string({ maxLength: 40 }),
        (residentId, preGrade, reasons) => {
          const input = { records: [], preGrade, reasons, evidenceFiles: [] };
          const id = objectionIdOf({ kind: 'practitioner', id: residentId }, 2025, input);
          const shown = objectionIdShown(id);
          expect(shown).not.toContain(residentId);
          expect(shown).toBe(id.replace(residentId, `${residentId.slice(0, 6)}********${residentId.slice(14)}`));
          const unit = objectionIdOf({ kind: 'agency', id: uscc(901, '150600') }, 2025, input);
          expect(objectionIdShown(unit)).toBe(unit);
        },
      ),
    );
  });
});
