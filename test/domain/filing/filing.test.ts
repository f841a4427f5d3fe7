import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLegalDayInstant, startOfLegalDayInstant } from '../../../domain/dates.ts';
import { type FilingWindow, filingStatus, reportedLateOf, whatToFile } from '../../../domain/filing/filing.ts';

const window: FilingWindow = {
  opensOn: '2026-03-02',
  opensAt: startOfLegalDayInstant('2026-03-02'),
  closesOn: '2026-03-27',
  closesAt: endOfLegalDayInstant('2026-03-27'),
};
const closes = Date.parse(window.closesAt);
const DAY = 86_400_000;
const instant = (offsetMs: number) => new Date(closes + offsetMs).toISOString();
const offset = fc.integer({ min: -60 * DAY, max: 60 * DAY });

describe('filing status (Art 20)', () => {
  it('a filing up to the window closing is on time, after it late — whenever it is looked at', () => {
    fc.assert(
      fc.property(offset, offset, (filed, now) => {
        const s = filingStatus(window, instant(filed), instant(now));
        expect(s).toBe(filed <= 0 ? 'onTime' : 'late');
      }),
    );
  });

  it('nothing filed: open while the window is open, missing once it closed', () => {
    fc.assert(
      fc.property(offset, (now) => {
        expect(filingStatus(window, null, instant(now))).toBe(now <= 0 ? 'open' : 'missing');
      }),
    );
  });

  it('the last second of the closing day (23:59:59 Beijing time) is still on time (I12)', () => {
    expect(filingStatus(window, window.closesAt, instant(DAY))).toBe('onTime');
    expect(filingStatus(window, instant(1000), instant(DAY))).toBe('late');
  });

  it('Art 32: late or missing is reported late; on time or still open is not', () => {
    fc.assert(
      fc.property(fc.option(offset, { nil: null }), offset, (filed, now) => {
        const s = filingStatus(window, filed === null ? null : instant(filed), instant(now));
        expect(reportedLateOf(s)).toBe(s === 'late' || s === 'missing');
        // Once the window closed, a participant is reported late exactly when it did not file in time.
        if (now > 0) expect(reportedLateOf(s)).toBe(filed === null || filed > 0);
      }),
    );
  });

  it('Art 20: both kinds file basic information, their own records (Art 9(1)) and the commitment letter', () => {
    for (const kind of ['enterprise', 'agency'] as const)
      expect(whatToFile(kind).map((i) => i.key)).toEqual(['basic', 'records', 'commitment']);
    expect(whatToFile('enterprise')[0]!.detail).toContain('厂址');
    expect(whatToFile('agency')[0]!.detail).toContain('附件2');
  });
});
