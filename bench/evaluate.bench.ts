/**
 * `npm run bench`: the evaluation of 100,000 subjects / 1,000,000 records in memory, against a
 * floor measured in the same run — one plain pass that sums the catalogue points of the same records.
 * Then the `ecocredit evaluate` command on the same data written to one file, with its peak memory.
 * Prints ratios, not absolute goals: the machine is named in the output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ruleByCode } from '../domain/catalogue/catalogue.ts';
import { evaluateEach } from '../domain/evaluation/evaluate.ts';
import { cataloguePoints } from '../domain/evaluation/recordState.ts';
import { generateDataSet } from '../infra/local/demoData.ts';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ROUNDS = 3;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
let t0 = process.hrtime.bigint();
const data = generateDataSet(SUBJECTS, RECORDS);
console.log(`generated ${data.subjects.length} subjects, ${data.records.length} records in ${ms(t0).toFixed(0)} ms`);

/** The floor: one pass over the records that sums their catalogue points. */
const floorPass = (): number => {
  let sum = 0;
  for (const r of data.records) sum += cataloguePoints(ruleByCode(r.rule)!, r) as number;
  return sum;
};

const evaluatePass = (): number => {
  let n = 0;
  for (const result of evaluateEach({ year: 2026, asOf: '2027-03-31', subjects: data.subjects, records: data.records }))
    n += result.items.length;
  return n;
};

const floors: number[] = [];
const evals: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  t0 = process.hrtime.bigint();
  floorPass();
  floors.push(ms(t0));
  t0 = process.hrtime.bigint();
  evaluatePass();
  evals.push(ms(t0));
}
const floor = median(floors);
const evaluation = median(evals);
console.log(
  `floor (sum catalogue points): ${floor.toFixed(0)} ms (${((RECORDS / floor) * 1000).toFixed(0)} records/s)`,
);
console.log(
  `evaluate (all rules, all results): ${evaluation.toFixed(0)} ms ` +
    `(${((RECORDS / evaluation) * 1000).toFixed(0)} records/s)`,
);
console.log(`ratio evaluate/floor: ${(evaluation / floor).toFixed(1)}x`);
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

// The command line on one file with all of it.
const dir = fileURLToPath(new URL('./out/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}/evaluate-${SUBJECTS}-${RECORDS}.json`;
writeFileSync(file, JSON.stringify({ year: 2026, asOf: '2027-03-31', subjects: data.subjects, records: data.records }));
const size = statSync(file).size;
t0 = process.hrtime.bigint();
const cli = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'bin/ecocredit.js', 'evaluate', file], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
  maxBuffer: 1 << 20,
});
const cliMs = ms(t0);
const peakKiB = Number(cli.stderr.trim().split('\n').pop());
console.log(
  `ecocredit evaluate on a ${(size / 2 ** 20).toFixed(0)} MiB file: exit ${cli.status}, ` +
    `${(cliMs / 1000).toFixed(1)} s, peak RSS ${(peakKiB / 1024).toFixed(0)} MiB`,
);
if (cli.status !== 0) console.log(cli.stderr);
