import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_REPORTED_ISSUES,
  parseEvaluationInput,
  readValidEvaluationInput,
} from '../../../domain/evaluation/evaluationInput.ts';
import { generateDataSet } from '../../../infra/local/demoData.ts';

const example = JSON.parse(readFileSync(new URL('../../fixtures/evaluate-basic.json', import.meta.url), 'utf8'));

const pathsOf = (input: unknown) => {
  const r = parseEvaluationInput(input, '2027-07-01');
  return r.ok ? [] : r.issues.map((i) => i.path);
};

describe('evaluate input (docs/api.md §4)', () => {
  it('defaults asOf to today and year to the previous calendar year', () => {
    const { year: _y, asOf: _a, ...rest } = example;
    const r = parseEvaluationInput(rest, '2027-07-01');
    expect(r.ok && [r.value.year, r.value.asOf]).toEqual([2026, '2027-07-01']);
  });

  it('takes the options of the interpretations', () => {
    const r = parseEvaluationInput({ ...example, options: { requireDistinctDepartments: true } }, '2027-07-01');
    expect(r.ok && r.value.options).toEqual({ requireDistinctDepartments: true });
    expect(pathsOf({ ...example, options: { carryOverUnrectified: 'yes' } })).toEqual(['options.carryOverUnrectified']);
  });

  it('names the field of a bad record, subject or envelope', () => {
    const records = structuredClone(example.records);
    delete records[0].fineYuan;
    expect(pathsOf({ ...example, records })).toEqual(['records[0].fineYuan']);
    const subjects = structuredClone(example.subjects);
    subjects[1].categories = [];
    expect(pathsOf({ ...example, subjects })).toEqual(['subjects[1].categories']);
    expect(pathsOf({ ...example, year: 2026.5 })).toEqual(['year']);
    expect(pathsOf({ ...example, asOf: '2027-02-30' })).toEqual(['asOf']);
    expect(pathsOf({ ...example, records: {} })).toEqual(['records']);
    expect(pathsOf({ ...example, asOf: '2025-12-31' })).toEqual(['asOf']);
  });

  it('reports at most a bounded number of problems', () => {
    const records = Array.from({ length: 100 }, () => ({ eventId: 'bad id' }));
    const r = parseEvaluationInput({ ...example, records }, '2027-07-01');
    expect(!r.ok && r.issues.length).toBe(MAX_REPORTED_ISSUES);
  });

  it('checks history identifiers and grades', () => {
    expect(
      pathsOf({
        ...example,
        history: [{ subject: { kind: 'enterprise', id: '91150600MA0Q67890M' }, year: 2025, grade: 'D' }],
      }),
    ).toEqual(['history[0].subject.id']);
    expect(
      pathsOf({
        ...example,
        history: [{ subject: { kind: 'enterprise', id: '91150600MA0Q67890N' }, year: 2025, grade: 'E' }],
      }),
    ).toEqual(['history[0].grade']);
  });
});

describe('every problem of an input at once', () => {
  it('reports the envelope’s and the records’ problems together', () => {
    const records = structuredClone(example.records);
    delete records[0].fineYuan;
    records[1].league = '110000';
    expect(pathsOf({ ...example, year: 'x', records }).sort()).toEqual([
      'records[0].fineYuan',
      'records[1].league',
      'year',
    ]);
  });

  it('reports a bad subject beside a bad record, and a duplicate eventId beside a bad field', () => {
    const subjects = structuredClone(example.subjects);
    subjects[1].categories = [];
    const records = structuredClone(example.records);
    records[1].department = '';
    const dup = { ...structuredClone(example.records[0]), occurredOn: '2026-03-02' };
    expect(pathsOf({ ...example, subjects, records: [...records, dup] }).sort()).toEqual([
      'records[1].department',
      `records[${records.length}].eventId`,
      'subjects[1].categories',
    ]);
  });

  it('checks the as-of date against the year beside other problems', () => {
    const records = structuredClone(example.records);
    records[0].department = '';
    expect(pathsOf({ ...example, asOf: '2025-12-31', records }).sort()).toEqual(['asOf', 'records[0].department']);
  });
});

describe('an input read in batches (readValidEvaluationInput) is the input parseEvaluationInput reads', () => {
  const TODAY = '2027-04-01';
  const batches = <T>(xs: readonly T[], size: number): T[][] => {
    const out: T[][] = [];
    for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
    return out;
  };

  it('gives the same input when valid and nothing when not, whatever the batches (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.option(
          fc.constantFrom<[string, unknown]>(['occurredOn', '2026-02-30'], ['league', '110000'], ['rule', 'X']),
        ),
        fc.constantFrom<Record<string, unknown>>({}, { year: 2026 }, { year: 2026, asOf: '2025-12-31' }, { year: 'x' }),
        (seed, subjects, records, size, spoil, envelope) => {
          const data = JSON.parse(JSON.stringify(generateDataSet(subjects, records, seed)));
          if (spoil !== null && data.records.length > 0) data.records[seed % data.records.length][spoil[0]] = spoil[1];
          const raw = { ...envelope, subjects: data.subjects, records: data.records };
          const whole = parseEvaluationInput(raw, TODAY);
          const read = readValidEvaluationInput(
            envelope,
            batches(data.subjects, size),
            batches(data.records, size),
            TODAY,
          );
          expect(read).toStrictEqual(whole.ok ? whole.value : undefined);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands every record it reads, in input order, to a sink given the subjects first', () => {
    const data = JSON.parse(JSON.stringify(generateDataSet(20, 200, 3)));
    const seen: unknown[] = [];
    let subjectsFirst: unknown;
    const read = readValidEvaluationInput({ year: 2026 }, batches(data.subjects, 7), batches(data.records, 9), TODAY, {
      begin: (subjects) => {
        subjectsFirst = subjects;
        expect(seen).toHaveLength(0);
      },
      add: (record) => seen.push(record),
    });
    expect(read).toBeDefined();
    expect(subjectsFirst).toStrictEqual(read!.subjects);
    expect(seen).toStrictEqual(read!.records);
    expect(seen.every((r, i) => r === read!.records[i])).toBe(true);
  });
});
