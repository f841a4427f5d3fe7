import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { I18_WARNED_KINDS, warningExpiry, warningState } from '../../../domain/evaluation/creditWarning.ts';

const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-06-01', n));

describe('credit warnings (Art 21-22, I8, I18)', () => {
  it('Art 22: a credit warning ends at the end of the date in its notice', () => {
    const e = warningExpiry({ deadline: '2026-04-14' });
    expect({ on: e.deadline, at: e.deadlineAt, article: e.article }).toEqual({
      on: '2026-04-14',
      at: '2026-04-14T15:59:59.000Z',
      article: 'Art 22',
    });
  });

  it('I8: an unrectified warning expires on the next day, at its first moment in Asia/Shanghai', () => {
    expect(warningExpiry({ deadline: '2026-12-31' })).toMatchObject({
      expiresOn: '2027-01-01',
      expiresAt: '2026-12-31T16:00:00.000Z',
    });
  });

  it('Art 22: rectified by the deadline and known, it is rectified; otherwise open until the deadline, then expired (I8)', () => {
    const w = { deadline: '2026-04-14' };
    expect(warningState(w, '2026-04-14', '2026-04-20')).toBe('rectified');
    expect(warningState(w, '2026-04-14', '2026-04-13')).toBe('open'); // not yet known
    expect(warningState(w, null, '2026-04-14')).toBe('open');
    expect(warningState(w, null, '2026-04-15')).toBe('expired');
    expect(warningState(w, '2026-04-15', '2026-04-20')).toBe('expired'); // late rectification does not cancel it
  });

  it('expired exactly from the expiry date on, and the expiry instant is one second after the deadline’s end (property)', () => {
    fc.assert(
      fc.property(day, day, (deadline, asOf) => {
        const e = warningExpiry({ deadline });
        expect(warningState({ deadline }, null, asOf) === 'expired').toBe(asOf >= e.expiresOn);
        expect(Date.parse(e.expiresAt) - Date.parse(e.deadlineAt)).toBe(1000);
      }),
      { numRuns: 300 },
    );
  });

  it('a rectification known by the as-of date and no later than the deadline always cancels the deduction (property)', () => {
    fc.assert(
      fc.property(day, day, day, (deadline, rectifiedOn, asOf) => {
        const s = warningState({ deadline }, rectifiedOn, asOf);
        expect(s === 'rectified').toBe(rectifiedOn <= deadline && rectifiedOn <= asOf);
      }),
      { numRuns: 300 },
    );
  });

  it('I18: only units are warned', () => {
    expect(I18_WARNED_KINDS).toEqual(['enterprise', 'agency']);
  });
});
