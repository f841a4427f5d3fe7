import { describe, expect, it } from 'vitest';
import { addWorkingDays, officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import {
  ACT_NAMES,
  ACT_ROLES,
  ACTS,
  CYCLES,
  type CycleKind,
  deadlineId,
  STAGE_NAMES,
  type StageName,
} from '../../../domain/cycles/definitions.ts';

describe('cycle definitions (docs/timeline.md)', () => {
  it('names every act in Chinese and gives it a role', () => {
    for (const act of ACTS) {
      expect(ACT_NAMES[act]).toMatch(/[\u4e00-\u9fa5]/);
      expect(['league', 'region']).toContain(ACT_ROLES[act]);
    }
  });

  it('runs league stages before the region’s, and ends each kind with one final stage', () => {
    for (const stages of Object.values(CYCLES)) {
      const scopes = stages.map((s) => s.scope);
      expect(scopes.indexOf('region')).toBe(scopes.lastIndexOf('league') + 1);
      expect(stages.filter((s) => s.final)).toHaveLength(1);
      expect(stages.at(-1)!.final).toBe(true);
      for (const s of stages) expect(STAGE_NAMES[s.stage]).toBeTruthy();
    }
  });

  it('cites an article for every limit and window', () => {
    for (const stages of Object.values(CYCLES))
      for (const s of stages) {
        if (s.limit) expect(s.limit.article).toMatch(/^Art \d+(\(\d\))?$/);
        if (s.ends?.by === 'window') expect(s.ends.article).toMatch(/^Art \d+/);
      }
  });

  it('builds deadline ids of docs/api.md §5', () => {
    expect(deadlineId('PUBLICITY', 'start')).toBe('PUBLICITY.start');
    expect(deadlineId('FILING', 'end', '150100')).toBe('FILING.end@150100');
    expect(deadlineId('OBJECTION', 'review', '150100', 'OBJ-1')).toBe('OBJECTION.review@150100#OBJ-1');
  });
});

describe('the windows of the cycles, as the plan and the state machine read them', () => {
  const cal = officialWorkingCalendar();
  const stage = (kind: CycleKind, name: StageName) => CYCLES[kind].find((s) => s.stage === name)!;
  /** The window a stage's notice opens on `from`: the end of its Nth working day (I12). */
  const windowOf = (kind: CycleKind, name: StageName, from: string) => {
    const ends = stage(kind, name).ends;
    if (ends?.by !== 'window') throw new Error(`${name} has no window`);
    const c = addWorkingDays(from, ends.workingDays, cal);
    return { on: c.closesOn, at: c.closesAt, article: ends.article, provisional: c.provisional };
  };
  /** The review of an objection received on `from`. */
  const reviewOf = (kind: CycleKind, from: string) => {
    const o = stage(kind, 'CONFIRMATION').objections!;
    const c = addWorkingDays(from, o.reviewWorkingDays, cal);
    return { on: c.closesOn, at: c.closesAt, article: o.article, provisional: c.provisional };
  };

  it('Art 20: filing within 20 working days of the notice', () => {
    expect(windowOf('enterprise', 'FILING', '2026-03-31')).toEqual({
      on: '2026-04-29',
      at: '2026-04-29T15:59:59.000Z',
      article: 'Art 20',
      provisional: false,
    });
    expect(windowOf('agency', 'FILING', '2026-03-31')).toEqual(windowOf('enterprise', 'FILING', '2026-03-31'));
  });

  it('Art 17(3): objections within 5 working days; reviews within 10 (agencies) — Art 18(4): 5 (practitioners)', () => {
    expect(windowOf('agency', 'CONFIRMATION', '2026-09-28').on).toBe('2026-10-10'); // National Day; Saturday 10-10 is worked
    expect(reviewOf('agency', '2026-04-30')).toMatchObject({ on: '2026-05-18', article: 'Art 17(3)' });
    expect(reviewOf('practitioner', '2026-04-30')).toMatchObject({ on: '2026-05-11', article: 'Art 18(4)' });
  });
});
