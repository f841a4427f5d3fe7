import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearOf } from '../../../domain/dates.ts';
import { evaluateEnterprise } from '../../../domain/evaluation/enterprise.ts';
import {
  isShownInPublishedResult,
  publishedItems,
  publishedResult,
  recordsOfReissue,
} from '../../../domain/evaluation/publishedResult.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';
import { context, enterprise, record } from '../../support/builders.ts';

describe('a published result of year Y shows the records of Y (Art 19)', () => {
  const records = [
    record({ eventId: 'IN', rule: 'PMT_LEDGER', occurredOn: '2026-05-01' }),
    record({ eventId: 'REVOKED', rule: 'HW_FAIL', occurredOn: '2026-06-01', revokedOn: '2026-07-01' }),
    record({ eventId: 'CARRIED', rule: 'EIA_QUALITY', occurredOn: '2025-11-01' }),
    record({ eventId: 'OLD', rule: 'PMT_LEDGER', occurredOn: '2025-02-01', rectifiedOn: '2025-03-01' }),
    record({ eventId: 'LATER', rule: 'ENF_SEIZURE', occurredOn: '2027-02-01' }),
    record({
      eventId: 'LATER-W',
      rule: 'PMT_LEDGER',
      occurredOn: '2027-02-02',
      warning: { issuedOn: '2027-02-02', deadline: '2027-05-01' },
    }),
  ];
  const live = evaluateEnterprise(enterprise(), records, context({ asOf: '2027-03-31' }));

  it('lists the year’s records in any state and the carried-over ones, not later or uncarried earlier ones', () => {
    expect(live.items.map((i) => i.eventId)).toContain('LATER');
    expect(publishedItems(2026, live.items).map((i) => [i.eventId, i.state])).toEqual([
      ['CARRIED', 'counted'],
      ['IN', 'counted'],
      ['REVOKED', 'revoked'],
    ]);
    expect(live.items.find((i) => i.eventId === 'CARRIED')!.carriedOver).toBe(true);
  });

  it('keeps the score, grade and notes, and drops pending warnings of later records', () => {
    const shown = publishedResult(live);
    expect([shown.score, shown.grade, shown.notes]).toEqual([live.score, live.grade, live.notes]);
    expect(shown.pending).toEqual([]);
    expect(shown.items).toHaveLength(3);
  });

  it('a carried-over item is shown; an earlier record that is not carried over is not, whatever its state', () => {
    expect(isShownInPublishedResult(2026, { occurredOn: '2025-02-01', state: 'revoked', carriedOver: true })).toBe(
      true,
    );
    expect(isShownInPublishedResult(2026, { occurredOn: '2025-02-01', state: 'not-applicable' })).toBe(false);
    expect(isShownInPublishedResult(2026, { occurredOn: '2027-01-01', state: 'pending' })).toBe(false);
  });

  it('keeps the records of year Y whatever their state', () => {
    for (const state of ['counted', 'revoked', 'repaired', 'merged', 'cancelled', 'pending', 'not-applicable'] as const)
      expect(isShownInPublishedResult(2026, { occurredOn: '2026-07-01', state })).toBe(true);
  });

  it('never an earlier record outside the period, and the score’s counted items all stay (property)', () => {
    fc.assert(
      fc.property(enterpriseRecords(), fc.constantFrom(2025, 2026), (rs, year) => {
        const r = evaluateEnterprise(enterprise(), rs, context({ year, asOf: `${year + 1}-06-30` }));
        const shown = publishedItems(year, r.items);
        expect(shown.filter((i) => yearOf(i.occurredOn) < year).every((i) => i.state !== 'outside-period')).toBe(true);
        expect(shown.filter((i) => i.state === 'counted')).toEqual(r.items.filter((i) => i.state === 'counted'));
      }),
      { numRuns: 100 },
    );
  });

  it('a shown item is of the year or carried over; every counted item is shown (property)', () => {
    fc.assert(
      fc.property(enterpriseRecords(), (rs) => {
        const r = evaluateEnterprise(enterprise(), rs, context({ asOf: '2027-06-30' }));
        const shown = publishedItems(2026, r.items);
        for (const i of shown) expect(isShownInPublishedResult(2026, i)).toBe(true);
        for (const i of r.items) if (i.state === 'counted') expect(shown).toContain(i);
        for (const i of shown) expect(i.occurredOn <= '2026-12-31').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Art 23 ¶2, Art 16–17: what a re-issue after a repair evaluates', () => {
  const received = [
    {
      record: record({ eventId: 'SHOWN', rule: 'PMT_LEDGER', occurredOn: '2026-03-01', rectifiedOn: '2026-04-01' }),
      receivedOn: '2026-03-05',
    },
    {
      record: record({
        eventId: 'EARLIER-REPAIR',
        rule: 'HW_BASIC',
        occurredOn: '2026-02-01',
        rectifiedOn: '2026-03-01',
        repairedOn: '2027-02-01',
      }),
      receivedOn: '2026-02-02',
    },
    {
      record: record({
        eventId: 'OTHER-REPAIR',
        rule: 'SUP_CITY',
        occurredOn: '2026-05-01',
        rectifiedOn: '2026-06-01',
        repairedOn: '2027-04-01',
      }),
      receivedOn: '2026-05-02',
    },
    { record: record({ eventId: 'LATE', rule: 'ENF_SEIZURE', occurredOn: '2026-10-01' }), receivedOn: '2027-03-01' },
  ];
  const repairs = new Map([
    ['SHOWN', '2027-03-10'],
    ['EARLIER-REPAIR', '2027-02-01'],
  ]);
  const { evaluated, shown } = recordsOfReissue(received, '2027-02-26', repairs);

  it('a record received after the publication is not in it; it waits for its own publicity', () => {
    expect(evaluated.map((r) => r.eventId)).toEqual(['SHOWN', 'EARLIER-REPAIR', 'OTHER-REPAIR']);
    expect(shown.map((r) => r.eventId)).toEqual(['SHOWN', 'EARLIER-REPAIR', 'OTHER-REPAIR']);
  });

  it('only the given repairs count, in force on the publication date; the records keep their real dates', () => {
    expect(evaluated.map((r) => r.repairedOn)).toEqual(['2027-02-26', '2027-02-01', null]);
    expect(shown.map((r) => r.repairedOn)).toEqual(['2027-03-10', '2027-02-01', null]);
    const result = evaluateEnterprise(enterprise(), evaluated, context({ year: 2026, asOf: '2027-02-26' }));
    expect(
      result.items
        .filter((i) => i.state === 'repaired')
        .map((i) => i.eventId)
        .sort(),
    ).toEqual(['EARLIER-REPAIR', 'SHOWN']);
  });
});
