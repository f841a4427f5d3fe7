import { describe, expect, it } from 'vitest';
import { mergeMeasuresOfOneCase } from '../../../domain/evaluation/mergeMeasures.ts';
import { classifyRecord } from '../../../domain/evaluation/recordState.ts';
import { context, record } from '../../support/builders.ts';

const classify = (rs: ReturnType<typeof record>[]) => {
  const ctx = context();
  return rs.map((r) => classifyRecord(r, ctx.period, ctx.clientOf));
};

describe('I16: measures of one penalty decision count once', () => {
  const caseNo = '呼环罚〔2026〕12号';

  it('counts the largest deduction and shows the others as merged', () => {
    const out = mergeMeasuresOfOneCase(
      classify([
        record({ eventId: 'F', rule: 'ENF_FINE', fineYuan: 200_000, caseNo }),
        record({ eventId: 'S', rule: 'ENF_SEIZURE', caseNo }),
      ]),
    );
    expect(out.map((c) => [c.record.eventId, c.state])).toEqual([
      ['F', 'merged'],
      ['S', 'counted'],
    ]);
    expect(out[0]!.mergedInto).toBe('S');
  });

  it('keeps a court enforcement of the same case as a separate act', () => {
    const out = mergeMeasuresOfOneCase(
      classify([
        record({ eventId: 'S', rule: 'ENF_SEIZURE', caseNo }),
        record({ eventId: 'C', rule: 'ENF_COURT_ENFORCEMENT', caseNo }),
      ]),
    );
    expect(out.map((c) => c.state)).toEqual(['counted', 'counted']);
  });

  it('does not merge different cases, records without a case number, or other categories', () => {
    const out = mergeMeasuresOfOneCase(
      classify([
        record({ rule: 'ENF_SEIZURE', caseNo }),
        record({ rule: 'ENF_SEIZURE', caseNo: '另案' }),
        record({ rule: 'ENF_SEIZURE' }),
        record({ rule: 'PMT_LEDGER', caseNo }),
      ]),
    );
    expect(out.every((c) => c.state === 'counted')).toBe(true);
  });

  it('breaks a tie by the smaller eventId, whatever the order', () => {
    const a = record({ eventId: 'A', rule: 'ENF_SEIZURE', caseNo });
    const b = record({ eventId: 'B', rule: 'ENF_SUSPENSION', caseNo });
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const out = mergeMeasuresOfOneCase(classify(order));
      expect(out.find((c) => c.state === 'counted')!.record.eventId).toBe('A');
    }
  });

  it('leaves records that do not count out of the merge', () => {
    const out = mergeMeasuresOfOneCase(
      classify([
        record({ eventId: 'S', rule: 'ENF_SEIZURE', caseNo, revokedOn: '2026-04-01' }),
        record({ eventId: 'F', rule: 'ENF_FINE', caseNo }),
      ]),
    );
    expect(out.map((c) => c.state)).toEqual(['revoked', 'counted']);
  });
});
