import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JURISDICTION_CODES, LEAGUE_CODES, REGION_CODE } from '../../../domain/identifiers/leagues.ts';
import { letterSenders } from '../../../domain/notices/letterSenders.ts';

const league = fc.constantFrom(...LEAGUE_CODES);
const facts = fc.record({
  dishonest: fc.constantFrom(true, false, null),
  records: fc.array(fc.record({ league: fc.constantFrom(...JURISDICTION_CODES) }), { maxLength: 6 }),
  listedBy: fc.uniqueArray(league, { minLength: 1, maxLength: 3 }),
});

describe('who sends the letter (函告), reading of Art 18(3),(6)', () => {
  it('every dishonest individual gets at least one letter, each from a league bureau', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const senders = letterSenders({ ...f, dishonest: true });
        expect(senders.length).toBeGreaterThanOrEqual(1);
        for (const s of senders) expect(LEAGUE_CODES).toContain(s);
      }),
    );
  });

  it('only leagues with a counted record send, when there is one', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const ofRecords = new Set(f.records.map((r) => r.league).filter((l) => l !== REGION_CODE));
        const senders = letterSenders({ ...f, dishonest: true });
        if (ofRecords.size > 0) expect(new Set(senders)).toEqual(ofRecords);
        else expect(senders).toEqual([...f.listedBy].sort());
      }),
    );
  });

  it('never for an individual not found dishonest, nor for a suspended one (I15)', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(false, null), (f, dishonest) => {
        expect(letterSenders({ ...f, dishonest })).toEqual([]);
      }),
    );
  });

  it('one letter per bureau however many of its records count, in code order', () => {
    expect(
      letterSenders({
        dishonest: true,
        records: [{ league: '150600' }, { league: '150200' }, { league: '150600' }],
        listedBy: ['150600'],
      }),
    ).toEqual(['150200', '150600']);
  });
});
