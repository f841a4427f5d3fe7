import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRecordSet, type EvaluationInput, evaluate } from '../../../domain/evaluation/evaluate.ts';
import { parseEvaluationInput } from '../../../domain/evaluation/evaluationInput.ts';
import type { ScoredResult } from '../../../domain/evaluation/result.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';
import { AGENCY_ID, agency, enterprise, practitioner, record } from '../../support/builders.ts';

const example = JSON.parse(readFileSync(new URL('../../fixtures/evaluate-basic.json', import.meta.url), 'utf8'));

describe('evaluate: the worked example of the specification (examples/README.md)', () => {
  const parsed = parseEvaluationInput(example, '2027-07-01');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const [ent, ag, pr] = evaluate(parsed.value) as [ScoredResult, ScoredResult, { dishonest: boolean; records: number }];

  it('enterprise: 0.7 × 101 + 0.3 × 97 = 99.8, grade A, sampling 0.3', () => {
    expect(ent).toMatchObject({
      score: 99.8,
      grade: 'A',
      samplingMultiplier: 0.3,
      directD: false,
      blacklisted: false,
      status: 'live',
    });
    expect(ent.sites!.map((s) => [s.siteId.slice(-4), s.score])).toEqual([
      ['001P', 101],
      ['002P', 97],
    ]);
  });

  it('agency: the client record EX-2’s points (I4): 97, grade A', () => {
    expect(ag).toMatchObject({ score: 97, grade: 'A' });
  });

  it('practitioner: two counted records in 2026 → dishonest (Art 13)', () => {
    expect(pr).toMatchObject({ dishonest: true, records: 2 });
  });
});

describe('evaluate: batches', () => {
  it('answers in input order, one result per subject', () => {
    const subjects = [agency(), enterprise(), practitioner(1)];
    const out = evaluate({ year: 2026, asOf: '2027-01-31', subjects, records: [] });
    expect(out.map((r) => r.subject.kind)).toEqual(['agency', 'enterprise', 'practitioner']);
  });

  it('links staff to their employer agency for the derived staff rule (Annex 2)', () => {
    const staff = [1, 2, 3].map((n) => practitioner(n));
    const records = staff.map((p) =>
      record({ rule: 'PR_FRAUD_IN_SERVICE', subject: { kind: 'practitioner', id: p.id } }),
    );
    const [ag] = evaluate({ year: 2026, asOf: '2027-01-31', subjects: [agency(), ...staff], records }) as [
      ScoredResult,
    ];
    expect(ag.score).toBe(80);
  });

  it('refuses one eventId with different content, and a category rule the agency lacks', () => {
    const a = record({ eventId: 'DUP', rule: 'PMT_LEDGER' });
    const issues = checkRecordSet(
      [agency({ categories: ['monitoring'] })],
      [
        a,
        { ...a, occurredOn: '2026-03-02' },
        { ...a },
        record({ rule: 'AG_EIA_BLACKLIST', subject: { kind: 'agency', id: AGENCY_ID } }),
      ],
    );
    expect(issues.map((i) => i.path)).toEqual(['records[1].eventId', 'records[3].rule']);
  });
});

describe('evaluate: properties', () => {
  const run = (records: EvaluationInput['records'], sites = true) =>
    evaluate({
      year: 2026,
      asOf: '2027-03-31',
      subjects: [
        enterprise(
          sites
            ? {
                sites: [
                  { siteId: 'S1', outputShare: 0.6 },
                  { siteId: 'S2', outputShare: 0.4 },
                ],
              }
            : {},
        ),
      ],
      records,
    })[0] as ScoredResult;

  it('the result does not depend on record order', () => {
    fc.assert(
      fc.property(
        enterpriseRecords(['S1', 'S2', null]).chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        ([rs, shuffled]) => {
          expect(run(shuffled)).toEqual(run(rs));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('delivering a record twice changes nothing', () => {
    fc.assert(
      fc.property(enterpriseRecords(['S1', 'S2', null]), fc.nat(), (rs, pick) => {
        fc.pre(rs.length > 0);
        const again = rs[pick % rs.length]!;
        expect(run([...rs, { ...again }])).toEqual(run(rs));
      }),
      { numRuns: 200 },
    );
  });

  it('a single-site score is 100 plus the sum of counted points', () => {
    fc.assert(
      fc.property(enterpriseRecords([null]), (rs) => {
        const r = run(rs, false);
        const tenthsSum = r.items
          .filter((i) => i.state === 'counted')
          .reduce((a, i) => a + Math.round(i.points * 10), 0);
        expect(Math.round(r.score * 10)).toBe(1000 + tenthsSum);
      }),
      { numRuns: 300 },
    );
  });

  it('a lower score never gets a better grade (Art 14 direct D aside, which is D at any score)', () => {
    const rank = { A: 0, B: 1, C: 2, D: 3 } as const;
    fc.assert(
      fc.property(enterpriseRecords([null]), enterpriseRecords([null]), (a, b) => {
        const [x, y] = [run(a, false), run(b, false)];
        if (x.score < y.score && !x.directD && !y.directD)
          expect(rank[x.grade!]).toBeGreaterThanOrEqual(rank[y.grade!]);
        if (x.directD) expect(x.grade).toBe('D');
      }),
      { numRuns: 300 },
    );
  });

  it('revoking a deduction never lowers a score', () => {
    fc.assert(
      fc.property(enterpriseRecords(['S1', 'S2', null]), fc.nat(), (rs, pick) => {
        fc.pre(rs.length > 0);
        const i = pick % rs.length;
        const target = rs[i]!;
        fc.pre(
          !['SR_COMMENDATION', 'SR_PRAISE', 'PI_ULTRA_LOW_EMISSION', 'PI_POLLUTION_INSURANCE', 'PI_WIN_WIN'].includes(
            target.rule,
          ),
        );
        const revoked = rs.map((r, j) => (j === i ? { ...r, revokedOn: r.occurredOn } : r));
        expect(run(revoked).score).toBeGreaterThanOrEqual(run(rs).score);
      }),
      { numRuns: 300 },
    );
  });
});
