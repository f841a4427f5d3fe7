import { describe, expect, it } from 'vitest';
import { cycleOwner, type DeadlineRef, sameDeadline, subjectOwner } from '../../../functions/ports/scheduler.ts';

/** Deadlines named in domain values: a cycle's or a subject's. */
describe('a deadline', () => {
  const cycle: DeadlineRef = {
    kind: 'cycle',
    owner: cycleOwner({ year: 2025, cycleKind: 'agency' }),
    deadlineId: 'LISTING.end@150100',
  };
  const subject = { kind: 'enterprise' as const, id: '91150100MA0000001X' };

  it('owned by a subject keeps only the subject’s kind and id', () => {
    expect(subjectOwner({ ...subject, name: '某公司' } as typeof subject)).toEqual({ kind: 'subject', subject });
  });

  it('is the same deadline only with the same kind, owner and id', () => {
    expect(sameDeadline(cycle, { ...cycle, owner: { kind: 'cycle', cycleKind: 'agency', year: 2025 } })).toBe(true);
    expect(sameDeadline(cycle, { ...cycle, owner: cycleOwner({ year: 2026, cycleKind: 'agency' }) })).toBe(false);
    expect(sameDeadline(cycle, { ...cycle, deadlineId: 'LISTING.end@150200' })).toBe(false);
    const warning: DeadlineRef = { kind: 'warning', owner: subjectOwner(subject), deadlineId: 'E-1' };
    expect(sameDeadline(warning, { ...warning, kind: 'repair' })).toBe(false);
    expect(
      sameDeadline(warning, {
        kind: 'warning',
        owner: subjectOwner({ ...subject, id: '91150100MA0000002Y' }),
        deadlineId: 'E-1',
      }),
    ).toBe(false);
  });
});
