import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { evaluate } from '../../../domain/evaluation/evaluate.ts';
import { FOREVER, stableThrough } from '../../../domain/evaluation/stability.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';
import { enterprise, record } from '../../support/builders.ts';

describe('how long a result stays the same', () => {
  it('is the day before the next date a record, warning or lifecycle date can change it', () => {
    const rs = [
      record({
        rule: 'PMT_LEDGER',
        occurredOn: '2026-03-01',
        warning: { issuedOn: '2026-03-01', deadline: '2026-04-14' },
      }),
      record({ rule: 'HW_BASIC', occurredOn: '2026-02-01', revokedOn: '2026-06-01' }),
    ];
    expect(stableThrough('2026-03-20', rs, [], [])).toBe('2026-04-14');
    expect(stableThrough('2026-04-15', rs, [], [])).toBe('2026-05-31');
    expect(stableThrough('2026-06-01', rs, [], [])).toBe(FOREVER);
  });

  it('counts publications of grades (Art 19) and client records (I4), and agencies with staff never last', () => {
    expect(stableThrough('2026-06-01', [], [], [{ year: 2025, grade: 'D', publishedOn: '2026-06-30' }])).toBe(
      '2026-06-29',
    );
    expect(stableThrough('2026-06-01', [], [record({ rule: 'EIA_QUALITY', revokedOn: '2026-07-01' })], [])).toBe(
      '2026-06-30',
    );
    expect(stableThrough('2026-06-01', [], [], [], true)).toBe('2026-06-01');
  });

  it('a result evaluated on any date through that one is the same but for its date (property)', () => {
    const subject = enterprise({
      sites: [
        { siteId: 'S1', outputShare: 0.6 },
        { siteId: 'S2', outputShare: 0.4 },
      ],
    });
    fc.assert(
      fc.property(
        enterpriseRecords(['S1', 'S2', null]),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 400 }),
        (rs, a, b) => {
          const asOf = addDays('2025-01-01', a);
          const year = Number(asOf.slice(0, 4));
          const until = stableThrough(asOf, rs, [], []);
          const later =
            until === FOREVER
              ? addDays(asOf, b)
              : addDays(asOf, Math.min(b, Math.round((Date.parse(until) - Date.parse(asOf)) / 86_400_000)));
          const at = (d: string) => ({
            ...evaluate({ year, asOf: d, subjects: [subject], records: rs })[0]!,
            asOf: null,
          });
          expect(at(later)).toEqual(at(asOf));
        },
      ),
      { numRuns: 300 },
    );
  });
});
