/**
 * `npm run bench:cost`: the monthly AWS cost of the Inner Mongolia workload, on paper, from the
 * measured calls per operation (infra/costModel.ts). `--records N` and `--lookups N` try other sizes.
 * The table goes in docs/cost.md.
 */
import { INNER_MONGOLIA, monthlyCost } from '../infra/costModel.ts';

const arg = (name: string): number | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const workload = {
  ...INNER_MONGOLIA,
  recordsPerYear: arg('records') ?? INNER_MONGOLIA.recordsPerYear,
  lookupsPerMonth: arg('lookups') ?? INNER_MONGOLIA.lookupsPerMonth,
};
const cost = monthlyCost(workload);
const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
console.log('| operation | per month | Lambda GB-s | DynamoDB RRU | DynamoDB WRU | USD |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const l of cost.lines)
  console.log(
    `| ${l.operation} | ${n(l.perMonth)} | ${n(l.lambdaGbSeconds)} | ${n(l.readUnits)} | ${n(l.writeUnits)} | ${n(l.usd, 2)} |`,
  );
console.log(`| storage (${n(cost.storageGb, 2)} GB after five years) | | | | | ${n(cost.storageUsd, 2)} |`);
console.log(`| schedules (EventBridge Scheduler) | | | | | ${n(cost.schedulerUsd, 2)} |`);
console.log(`| logs, secrets, alarms | | | | | ${n(cost.fixedUsd, 2)} |`);
console.log(`| **total** | | | | | **${n(cost.totalUsd, 2)}** |`);
