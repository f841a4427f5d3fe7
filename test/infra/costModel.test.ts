import { describe, expect, it } from 'vitest';
import { INNER_MONGOLIA, MEASURED, monthlyCost, US_EAST_1_PRICES } from '../../infra/costModel.ts';
import { FUNCTIONS } from '../../infra/definitions.ts';

/** The cost model on paper: it follows the workload, the measured calls and the stack's memory sizes. */
describe('the monthly cost model', () => {
  it('bills the nightly run once per subject and night', () => {
    const c = monthlyCost(INNER_MONGOLIA);
    const nightly = c.lines.find((l) => l.operation.startsWith('nightly'))!;
    expect(nightly.perMonth).toBe(75_000 * 30);
    const gb = FUNCTIONS.rescoreWorker.memoryMb / 1024;
    expect(nightly.lambdaGbSeconds).toBeCloseTo((75_000 * 30 * MEASURED.nightlySubject.billedMs * gb) / 1000, 6);
  });

  it('grows with the records that arrive: twice the records cost more, and the ingestion lines double', () => {
    const one = monthlyCost(INNER_MONGOLIA);
    const two = monthlyCost({ ...INNER_MONGOLIA, recordsPerYear: 400_000 });
    const applied = (c: typeof one) => c.lines.find((l) => l.operation === 'records applied')!;
    expect(applied(two).writeUnits).toBeCloseTo(2 * applied(one).writeUnits, 6);
    expect(two.totalUsd).toBeGreaterThan(one.totalUsd);
  });

  it('batched deliveries make fewer webhook calls for the same records', () => {
    const single = monthlyCost(INNER_MONGOLIA).lines[0]!;
    const batched = monthlyCost({ ...INNER_MONGOLIA, recordsPerDelivery: 100 }).lines[0]!;
    expect(batched.perMonth * 100).toBeCloseTo(single.perMonth, 6);
  });

  it('the total is the sum of its parts, at the given prices', () => {
    const c = monthlyCost(INNER_MONGOLIA, { ...US_EAST_1_PRICES, dynamoPerMillionReadUnits: 0 });
    const parts = c.lines.reduce((s, l) => s + l.usd, 0) + c.storageUsd + c.schedulerUsd + c.fixedUsd;
    expect(c.totalUsd).toBeCloseTo(parts, 9);
    expect(c.totalUsd).toBeLessThan(monthlyCost(INNER_MONGOLIA).totalUsd);
  });
});
