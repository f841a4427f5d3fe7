import { describe, expect, it } from 'vitest';
import {
  auditOwnerKey,
  auditOwnerOf,
  type DeadlineWire,
  deadlineOfWire,
  deadlineWire,
  keys,
} from '../../../functions/adapters/keys.ts';
import type { DeadlineTarget } from '../../../functions/ports/scheduler.ts';

/** The one key module: the table's keys, and the deadline's wire form that schedules and the index carry. */
describe('the table keys', () => {
  const subject = { kind: 'agency' as const, id: '91150100MA0000002Y' };

  it('builds a subject’s partition key and reads the subject back', () => {
    expect(keys.subject(subject)).toBe('SUBJECT#agency#91150100MA0000002Y');
    expect(keys.subjectOf(keys.subject(subject))).toEqual(subject);
    expect(keys.audit(subject)).toBe('AUDIT#SUBJECT#agency#91150100MA0000002Y');
    expect(keys.explanation(subject)).toBe('EXPLANATION#SUBJECT#agency#91150100MA0000002Y');
  });

  it('builds the league index of profiles, with `none` for a practitioner without a league', () => {
    expect(keys.league('150100', 'enterprise')).toBe('LEAGUE#150100#enterprise');
    expect(keys.league(null, 'practitioner')).toBe('LEAGUE#none#practitioner');
  });

  it('names a cycle’s audit owner and the calendars’ one, and reads them back', () => {
    expect(auditOwnerKey({ kind: 'cycle', year: 2025, cycleKind: 'agency' })).toBe('CYCLE#2025#agency');
    expect(auditOwnerKey({ kind: 'calendar' })).toBe('CALENDAR');
    expect(auditOwnerOf('CYCLE#2025#agency')).toEqual({ kind: 'cycle', year: 2025, cycleKind: 'agency' });
    expect(auditOwnerOf('CALENDAR')).toEqual({ kind: 'calendar' });
  });
});

describe('a deadline’s wire form', () => {
  const cases: [DeadlineTarget, DeadlineWire][] = [
    [
      {
        kind: 'cycle',
        owner: { kind: 'cycle', year: 2025, cycleKind: 'agency' },
        deadlineId: 'LISTING.end@150100',
        at: '2026-03-31T15:59:59.000Z',
      },
      { kind: 'cycle', owner: 'CYCLE#2025#agency', deadlineId: 'LISTING.end@150100', at: '2026-03-31T15:59:59.000Z' },
    ],
    [
      {
        kind: 'warning',
        owner: { kind: 'subject', subject: { kind: 'enterprise', id: '91150100MA0000001X' } },
        deadlineId: 'E-7',
        at: '2026-02-01T16:00:00.000Z',
      },
      {
        kind: 'warning',
        owner: 'SUBJECT#enterprise#91150100MA0000001X',
        deadlineId: 'WARNING#E-7',
        at: '2026-02-01T16:00:00.000Z',
      },
    ],
    [
      {
        kind: 'repair',
        owner: { kind: 'subject', subject: { kind: 'practitioner', id: '150102199001011234' } },
        deadlineId: 'app-1',
        at: '2026-05-01T15:59:59.000Z',
      },
      {
        kind: 'repair',
        owner: 'SUBJECT#practitioner#150102199001011234',
        deadlineId: 'REPAIR#app-1',
        at: '2026-05-01T15:59:59.000Z',
      },
    ],
  ];

  it('keeps the shape deadlines already scheduled and indexed carry, both ways', () => {
    for (const [target, wire] of cases) {
      expect(deadlineWire(target)).toEqual(wire);
      expect(deadlineOfWire(wire)).toEqual(target);
    }
  });

  it('refuses an owner that does not fit the deadline’s kind', () => {
    expect(
      deadlineOfWire({
        kind: 'cycle',
        owner: 'SUBJECT#enterprise#91150100MA0000001X',
        deadlineId: 'x',
        at: '2026-01-01T00:00:00.000Z',
      }),
    ).toBeNull();
    expect(
      deadlineOfWire({
        kind: 'warning',
        owner: 'CYCLE#2025#agency',
        deadlineId: 'WARNING#x',
        at: '2026-01-01T00:00:00.000Z',
      }),
    ).toBeNull();
  });
});
