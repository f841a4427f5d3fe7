import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateEach } from '../../../domain/evaluation/evaluate.ts';
import { groupRecordsBySubject, indexRecordsBySubject } from '../../../domain/evaluation/recordIndex.ts';
import type { CreditRecord } from '../../../domain/records/creditRecord.ts';
import type { Subject } from '../../../domain/subjects/subject.ts';
import { generateDataSet } from '../../../infra/local/demoData.ts';
import { AGENCY_ID, agency, ENTERPRISE_ID, enterprise, practitioner, record } from '../../support/builders.ts';

/**
 * Inputs as varied as a region's: the demonstration region's generator (sites, agencies citing their
 * clients' records, staff, warnings, cases of several measures, carried-over years), reshaped by
 * fast-check — shuffled, identical deliveries repeated, one eventId reused with other content, kinds
 * mixed under one id, records of subjects not evaluated, subjects listed twice, dates on one day.
 */
const region = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    subjects: fc.integer({ min: 1, max: 30 }),
    records: fc.integer({ min: 0, max: 250 }),
    order: fc.array(fc.nat(), { maxLength: 250 }),
    repeats: fc.array(fc.nat(), { maxLength: 20 }),
    reused: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
    kindSwaps: fc.array(fc.nat(), { maxLength: 5 }),
    oneDay: fc.boolean(),
    dropSubjects: fc.array(fc.nat(), { maxLength: 3 }),
    twice: fc.option(fc.nat()),
    year: fc.constantFrom(2025, 2026),
    asOf: fc.constantFrom('2026-06-30', '2027-03-31', '2027-12-31'),
    options: fc.record({
      requireDistinctDepartments: fc.boolean(),
      carryOverUnrectified: fc.boolean(),
      mergeMeasuresOfOneCase: fc.boolean(),
    }),
  })
  .map((a) => {
    const data = generateDataSet(a.subjects, a.records, a.seed);
    let records: CreditRecord[] = data.records.map((r) => (a.oneDay ? { ...r, occurredOn: '2026-05-01' } : r));
    for (const i of a.repeats) if (records.length > 0) records.push({ ...records[i % records.length]! });
    for (const [i, j] of a.reused)
      if (records.length > 1) {
        const from = records[i % records.length]!;
        const to = j % records.length;
        records[to] = { ...records[to]!, eventId: from.eventId };
      }
    for (const i of a.kindSwaps)
      if (records.length > 0) {
        const r = records[i % records.length]!;
        const kind = r.subject.kind === 'agency' ? 'enterprise' : 'agency';
        records[i % records.length] = { ...r, subject: { ...r.subject, kind, siteId: null } };
      }
    // A deterministic shuffle by the drawn numbers.
    for (let k = 0; k < a.order.length && records.length > 1; k++) {
      const i = k % records.length;
      const j = a.order[k]! % records.length;
      [records[i], records[j]] = [records[j]!, records[i]!];
    }
    let subjects: Subject[] = data.subjects.filter(
      (_, i) => !a.dropSubjects.some((d) => d % data.subjects.length === i),
    );
    if (a.twice !== null && subjects.length > 0) subjects = [...subjects, subjects[a.twice % subjects.length]!];
    records = records.slice();
    return { year: a.year, asOf: a.asOf, options: a.options, subjects, records };
  });

describe('the fast record index (recordIndex.ts) and the readable one give the same evaluation', () => {
  it('every field of every result is equal, whatever the input order, duplicates or kinds', () => {
    fc.assert(
      fc.property(region, (input) => {
        const fast = [...evaluateEach(input, groupRecordsBySubject(input.subjects, input.records))];
        const readable = [...evaluateEach(input, indexRecordsBySubject(input.records))];
        expect(fast).toStrictEqual(readable);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(readable));
      }),
      { numRuns: 150 },
    );
  });

  it('lists the same records for each subject, in the order a stable sort by date and eventId gives', () => {
    fc.assert(
      fc.property(region, ({ subjects, records }) => {
        const fast = groupRecordsBySubject(subjects, records);
        const readable = indexRecordsBySubject(records);
        expect(fast.inEvaluationOrder).toBe(true);
        for (const s of subjects) {
          const sorted = [...readable.recordsOf(s)].sort((a, b) =>
            a.occurredOn < b.occurredOn
              ? -1
              : a.occurredOn > b.occurredOn
                ? 1
                : a.eventId < b.eventId
                  ? -1
                  : a.eventId > b.eventId
                    ? 1
                    : 0,
          );
          expect(fast.recordsOf(s)).toEqual(sorted);
          expect(fast.recordsOf(s).every((r, i) => r === sorted[i])).toBe(true);
        }
        for (const r of records)
          if (r.clientEventId !== null) expect(fast.clientOf(r.clientEventId)).toBe(readable.clientOf(r.clientEventId));
      }),
      { numRuns: 150 },
    );
  });

  it('sorts long lists too (more records than an insertion sort is used for), dates before eventIds', () => {
    const records = Array.from({ length: 200 }, (_, i) =>
      record({
        eventId: `E-${String((i * 37) % 200).padStart(3, '0')}`,
        rule: 'PMT_LEDGER',
        occurredOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
      }),
    );
    const list = groupRecordsBySubject([enterprise()], records).recordsOf(enterprise());
    const keys = list.map((r) => `${r.occurredOn} ${r.eventId}`);
    expect(keys).toEqual([...keys].sort());
    expect(list).toHaveLength(200);
  });

  it('reads dates that are not YYYY-MM-DD in string order, as the readable index does', () => {
    const records = ['2026-3-1', '2026-03-01', '2026-02-28'].map((occurredOn, i) =>
      record({ eventId: `D-${i}`, rule: 'PMT_LEDGER', occurredOn }),
    );
    const list = groupRecordsBySubject([enterprise()], records).recordsOf(enterprise());
    expect(list.map((r) => r.occurredOn)).toEqual(['2026-02-28', '2026-03-01', '2026-3-1']);
  });

  it('finds an agency client record anywhere in the input (I4), the first delivery of its eventId', () => {
    const client = record({ eventId: 'C-1', rule: 'ENF_FINE', fineYuan: 200_000 });
    const cited = record({
      rule: 'AG_CLIENT_DEDUCTED',
      subject: { kind: 'agency', id: AGENCY_ID },
      clientEventId: 'C-1',
    });
    const subjects = [agency(), practitioner(1)];
    const [ag] = evaluate({ year: 2026, asOf: '2027-03-31', subjects, records: [cited, client] });
    expect(ag!.items[0]!.points).toBeLessThan(0);
    expect(groupRecordsBySubject(subjects, [cited, client]).clientOf('C-1')).toBe(client);
    expect(
      groupRecordsBySubject(subjects, [cited, client]).recordsOf({ kind: 'enterprise', id: ENTERPRISE_ID }),
    ).toEqual([]);
  });
});
