/**
 * `npx tsx bench/profile-evaluate.ts` (or bundled with esbuild and run under `node --cpu-prof`): the
 * in-memory evaluation of the benchmark's data set, repeated, for a CPU profile whose function names
 * survive. BENCH_SUBJECTS / BENCH_RECORDS set the size, PROFILE_ROUNDS the repetitions;
 * PROFILE_EVALUATION=columnar (the default) profiles the columnar core from columns built once,
 * `readable` the readable evaluation (`evaluateEach`).
 */
import { columnsOf } from '../domain/evaluation/columnar/columns.ts';
import { evaluateColumns } from '../domain/evaluation/columnar/evaluateColumns.ts';
import { evaluateEach } from '../domain/evaluation/evaluate.ts';
import { generateDataSet } from '../infra/local/demoData.ts';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 3);
const COLUMNAR = process.env.PROFILE_EVALUATION !== 'readable';

const data = generateDataSet(SUBJECTS, RECORDS);
const input = { year: 2026, asOf: '2027-03-31', subjects: data.subjects, records: data.records };
const columns = COLUMNAR ? columnsOf(data.subjects, data.records) : undefined;
for (let i = 0; i < ROUNDS; i++) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  if (columns) n = evaluateColumns(input, columns).state.length;
  else for (const result of evaluateEach(input)) n += result.items.length;
  console.log(`round ${i + 1}: ${n} items in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
}
