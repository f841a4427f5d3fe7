import { describe, expect, it } from 'vitest';
import { ACT_NAMES, ACT_ROLES, ACTS, CYCLES, deadlineId, STAGE_NAMES } from '../../../domain/cycles/definitions.ts';

describe('cycle definitions (TIMELINE.md)', () => {
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

  it('builds deadline ids of API.md §5', () => {
    expect(deadlineId('PUBLICITY', 'start')).toBe('PUBLICITY.start');
    expect(deadlineId('FILING', 'end', '150100')).toBe('FILING.end@150100');
    expect(deadlineId('OBJECTION', 'review', '150100', 'OBJ-1')).toBe('OBJECTION.review@150100#OBJ-1');
  });
});
