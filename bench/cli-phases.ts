/**
 * `npx tsx bench/cli-phases.ts FILE`: where the time of `ecocredit evaluate FILE` goes, phase by phase
 * (read, split, JSON.parse with validation, evaluation with JSON.stringify of every result), as the
 * command reads a valid file, in CPU and wall time; then, for comparison, the same read with the
 * record columns built as each record is validated, and the columnar core over them.
 */
import { readFileSync } from 'node:fs';
import { RecordColumnsBuilder } from '../domain/evaluation/columnar/columns.ts';
import { evaluateColumns } from '../domain/evaluation/columnar/evaluateColumns.ts';
import { evaluateEach } from '../domain/evaluation/evaluate.ts';
import { readValidEvaluationInput } from '../domain/evaluation/evaluationInput.ts';
import { splitJsonObject } from '../functions/cli/io.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: bench/cli-phases.ts FILE');
const phases: [string, number, number][] = [];
let wall = performance.now();
let cpu = process.cpuUsage();
const lap = (name: string) => {
  const c = process.cpuUsage(cpu);
  phases.push([name, performance.now() - wall, (c.user + c.system) / 1000]);
  wall = performance.now();
  cpu = process.cpuUsage();
};
const bytes = readFileSync(file);
lap('read');
const parts = splitJsonObject(bytes, ['subjects', 'records']);
if (!parts) throw new Error('not an object of the expected form');
lap('split');
const input = readValidEvaluationInput(parts.members, parts.arrays.subjects!, parts.arrays.records!, '2027-03-31');
if (!input) throw new Error('invalid input');
lap('JSON.parse + validate');
let written = 0;
for (const result of evaluateEach(input)) written += JSON.stringify(result).length;
lap('evaluate + JSON.stringify');
const again = splitJsonObject(bytes, ['subjects', 'records'])!;
let builder: RecordColumnsBuilder | undefined;
const withColumns = readValidEvaluationInput(
  again.members,
  again.arrays.subjects!,
  again.arrays.records!,
  '2027-03-31',
  {
    begin: (subjects) => {
      builder = new RecordColumnsBuilder(subjects, 1 << 16);
    },
    add: (record) => builder!.add(record),
  },
);
if (!withColumns) throw new Error('invalid input');
lap('split + parse + validate + columns');
evaluateColumns(withColumns, builder!.finish());
lap('columnar core');
for (const [name, w, c] of phases)
  console.log(`${name.padEnd(28)} wall ${w.toFixed(0).padStart(6)} ms  cpu ${c.toFixed(0).padStart(6)} ms`);
console.log(
  `output ${(written / 2 ** 20).toFixed(0)} MiB (UTF-16 units), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
