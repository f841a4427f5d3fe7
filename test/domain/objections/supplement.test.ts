import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { openCycle, transition } from '../../../domain/cycles/cycle.ts';
import { supplementEventId, supplementOpen } from '../../../domain/objections/supplement.ts';

const cal = officialWorkingCalendar();
const base = {
  subject: { kind: 'agency', id: '91150600MA0000000X' },
  rule: 'AG_OBSTRUCTION',
  occurredOn: '2025-09-01',
  department: '市场监督管理局',
  fineYuan: null,
  summary: null,
};

describe('supplement (Art 17(2), 18(2) "谁产生、谁补充、谁核实")', () => {
  it('is open only in the league’s SUPPLEMENT stage', () => {
    let c = openCycle('practitioner', 2025, '2026-03-02T02:00:00Z', cal, ['150600']).cycle;
    expect(supplementOpen(c, '150600')).toBe(false);
    const r = transition(c, { type: 'act', act: 'listConfirmed', league: '150600' }, '2026-03-02T02:00:00Z', cal);
    c = r.ok ? r.cycle : c;
    expect(supplementOpen(c, '150600')).toBe(true);
    expect(supplementOpen(c, '150100')).toBe(false);
    const done = transition(c, { type: 'act', act: 'supplementDone', league: '150600' }, '2026-03-03T02:00:00Z', cal);
    expect(done.ok && supplementOpen(done.cycle, '150600')).toBe(false);
  });

  it('property: the supplemented record’s eventId is derived from what is supplemented, and differs when it differs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ minLength: 1, maxLength: 30 }), (a, b) => {
        fc.pre(a !== b);
        const x = supplementEventId('150600', { ...base, department: a });
        expect(x).toBe(supplementEventId('150600', { ...base, department: a }));
        expect(x).toMatch(/^SUP-150600-[0-9a-f]{16}$/);
        expect(x).not.toBe(supplementEventId('150600', { ...base, department: b }));
      }),
    );
  });
});
