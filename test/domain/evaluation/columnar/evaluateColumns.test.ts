import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../../domain/evaluation/columnar/columns.ts';
import {
  evaluateColumns,
  GRADES,
  itemColumnsOf,
  materialiseResult,
  NO_GRADE,
  resultsJsonChunks,
} from '../../../../domain/evaluation/columnar/evaluateColumns.ts';
import type { HistoryEntry } from '../../../../domain/evaluation/evaluate.ts';
import { evaluateEach } from '../../../../domain/evaluation/evaluate.ts';
import type { CreditRecord } from '../../../../domain/records/creditRecord.ts';
import type { Subject } from '../../../../domain/subjects/subject.ts';
import { generateDataSet } from '../../../../infra/local/demoData.ts';

/**
 * Regions as varied as a real one: the demonstration region's generator (enterprises with several
 * sites and output shares, agencies citing their clients' records, staff of agencies, credit
 * warnings, cases of several enforcement measures, revoked and rectified records, two years),
 * reshaped by fast-check — shuffled, identical deliveries, one eventId reused with other content,
 * kinds mixed under one id, records at sites not registered, records on one day, repaired records,
 * suspended subjects, published grades, subjects listed twice, several years and as-of dates.
 */
const region = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    subjects: fc.integer({ min: 1, max: 30 }),
    records: fc.integer({ min: 0, max: 250 }),
    order: fc.array(fc.nat(), { maxLength: 250 }),
    repeats: fc.array(fc.nat(), { maxLength: 20 }),
    reused: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    kindSwaps: fc.array(fc.nat(), { maxLength: 3 }),
    unknownSites: fc.array(fc.nat(), { maxLength: 3 }),
    noSite: fc.array(fc.nat(), { maxLength: 10 }),
    repaired: fc.array(fc.nat(), { maxLength: 10 }),
    suspended: fc.array(fc.nat(), { maxLength: 3 }),
    historyD: fc.array(fc.nat(), { maxLength: 5 }),
    oneDay: fc.boolean(),
    twice: fc.option(fc.nat()),
    year: fc.constantFrom(2025, 2026),
    asOf: fc.constantFrom('2025-12-31', '2026-06-30', '2027-03-31', '2027-12-31'),
    options: fc.record({
      requireDistinctDepartments: fc.boolean(),
      carryOverUnrectified: fc.boolean(),
      mergeMeasuresOfOneCase: fc.boolean(),
    }),
  })
  .filter((a) => a.asOf >= `${a.year}-01-01`)
  .map((a) => {
    const data = generateDataSet(a.subjects, a.records, a.seed);
    const at = <T>(xs: T[], i: number) => i % xs.length;
    const records: CreditRecord[] = data.records.map((r) => (a.oneDay ? { ...r, occurredOn: '2026-05-01' } : r));
    for (const i of a.repeats) if (records.length > 0) records.push({ ...records[at(records, i)]! });
    for (const [i, j] of a.reused)
      if (records.length > 1)
        records[at(records, j)] = { ...records[at(records, j)]!, eventId: records[at(records, i)]!.eventId };
    for (const i of a.kindSwaps)
      if (records.length > 0) {
        const r = records[at(records, i)]!;
        const kind = r.subject.kind === 'agency' ? 'enterprise' : 'agency';
        records[at(records, i)] = { ...r, subject: { ...r.subject, kind, siteId: null } };
      }
    for (const i of a.unknownSites)
      if (records.length > 0) {
        const r = records[at(records, i)]!;
        if (r.subject.kind === 'enterprise')
          records[at(records, i)] = { ...r, subject: { ...r.subject, siteId: `${r.subject.id}999P` } };
      }
    for (const i of a.noSite)
      if (records.length > 0) {
        const r = records[at(records, i)]!;
        records[at(records, i)] = { ...r, subject: { ...r.subject, siteId: null } };
      }
    for (const i of a.repaired)
      if (records.length > 0) {
        const r = records[at(records, i)]!;
        records[at(records, i)] = { ...r, rectifiedOn: r.occurredOn, repairedOn: '2026-09-01' };
      }
    for (let k = 0; k < a.order.length && records.length > 1; k++) {
      const i = k % records.length;
      const j = a.order[k]! % records.length;
      [records[i], records[j]] = [records[j]!, records[i]!];
    }
    let subjects: Subject[] = data.subjects.map((s, i) =>
      a.suspended.some((x) => x % data.subjects.length === i) ? { ...s, suspended: { reason: '涉嫌环境污染犯罪' } } : s,
    );
    if (a.twice !== null && subjects.length > 0) subjects = [...subjects, subjects[a.twice % subjects.length]!];
    const history: HistoryEntry[] = [];
    for (const i of a.historyD) {
      const s = data.subjects[i % data.subjects.length]!;
      if (s.kind === 'practitioner') continue;
      for (const y of [a.year - 1, a.year - 2])
        history.push({ subject: { kind: s.kind, id: s.id }, year: y, grade: 'D' });
    }
    return { year: a.year, asOf: a.asOf, options: a.options, subjects, records, history };
  });

describe('the columnar evaluation equals the readable one (evaluateEach)', () => {
  it('every score, grade, verdict and item state of the columns, every materialised result and the JSON bytes are equal', () => {
    fc.assert(
      fc.property(region, (input) => {
        const expected = [...evaluateEach(input)];
        const ev = evaluateColumns(input, columnsOf(input.subjects, input.records));
        expected.forEach((want, i) => {
          expect(materialiseResult(ev, i)).toStrictEqual(want);
          const items = itemColumnsOf(ev, i);
          if (items !== undefined)
            expect(items).toStrictEqual({
              eventIds: want.items.map((x) => x.eventId),
              states: want.items.map((x) => x.state),
              points: want.items.map((x) => x.points),
            });
          if (want.subject.kind === 'practitioner' && 'dishonest' in want)
            expect(ev.dishonest[i]).toBe(want.dishonest === null ? -1 : want.dishonest ? 1 : 0);
          else if ('score' in want) {
            expect(ev.score[i]! / 10).toBe(want.score);
            expect(ev.directD[i] === 1).toBe(want.directD);
            expect(ev.blacklisted[i] === 1).toBe(want.blacklisted);
            expect(ev.grade[i] === NO_GRADE ? null : GRADES[ev.grade[i]!]).toBe(want.grade);
          }
        });
        const json = `{"results":[${expected.map((r, i) => (i === 0 ? '\n' : ',\n') + JSON.stringify(r)).join('')}\n]}\n`;
        expect([...resultsJsonChunks(ev, 4096)].join('')).toBe(json);
      }),
      { numRuns: 200 },
    );
  });

  it('places records centuries apart (beyond the counting sort of days) in the same order and with the same results', () => {
    const data = generateDataSet(20, 300, 11);
    const records = data.records.map((r, i) =>
      i % 7 === 0 ? { ...r, occurredOn: i % 2 === 0 ? '1801-03-01' : '2199-10-31' } : r,
    );
    const input = { year: 2026, asOf: '2027-03-31', subjects: data.subjects, records };
    const ev = evaluateColumns(input, columnsOf(data.subjects, records));
    [...evaluateEach(input)].forEach((want, i) => {
      expect(itemColumnsOf(ev, i)?.eventIds ?? []).toStrictEqual(want.items.map((x) => x.eventId));
      if ('score' in want) expect(ev.score[i]! / 10).toBe(want.score);
    });
  });

  it('evaluates most subjects of an ordinary region from the columns, not by the readable functions', () => {
    const data = generateDataSet(300, 3000, 7);
    const input = { year: 2026, asOf: '2027-03-31', subjects: data.subjects, records: data.records };
    const ev = evaluateColumns(input, columnsOf(data.subjects, data.records));
    expect(ev.readable.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
