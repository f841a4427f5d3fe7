/**
 * `npm run bench`: the evaluation of 100,000 subjects / 1,000,000 records in memory, against floors
 * measured in the same run, round by round (so both see the same machine):
 * - the floor: one plain pass that sums the catalogue points of the same records;
 * - the fair floor: group the records by subject, sort each subject's records by date, and build one
 *   item per record (the least any evaluation that explains itself must do).
 * The evaluation measured against them is the columnar core (domain/evaluation/columnar/): every rule,
 * from the record columns the command line builds while it reads and validates the input (so it
 * starts from the same records as the floor). Printed beside it, so that nothing is hidden: the cost
 * of building those columns, the materialisation of every subject's full result from them, and the
 * readable evaluation (`evaluateEach`) that both are proven equal to.
 * Then `ecocredit evaluate` on the same data written to one file, against reading, parsing and
 * writing that file (`JSON.parse` + `JSON.stringify`) in a process of its own, with its peak memory.
 * Prints each goal beside its figure (min / median / max of the rounds), and the machine's load.
 * BENCH_SUBJECTS / BENCH_RECORDS set the size, BENCH_ROUNDS the rounds, BENCH_CLI=0 skips the
 * command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ruleByCode } from '../domain/catalogue/catalogue.ts';
import { columnsOf, type RecordColumns } from '../domain/evaluation/columnar/columns.ts';
import { evaluateColumns, materialiseResult } from '../domain/evaluation/columnar/evaluateColumns.ts';
import { evaluateEach } from '../domain/evaluation/evaluate.ts';
import { cataloguePoints } from '../domain/evaluation/recordState.ts';
import type { CreditRecord } from '../domain/records/creditRecord.ts';
import { generateDataSet } from '../infra/local/demoData.ts';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLI = process.env.BENCH_CLI !== '0';
const EVALUATION_GOAL = 5;
const CLI_GOAL = 2;
const RSS_GOAL_MIB = 1536;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/**
 * CPU time of this process (user + system, ms) spent by `pass`: on a machine shared with other work
 * the wall time mostly measures waiting for a core, so the ratios are taken in CPU time.
 */
const cpuMs = (pass: () => unknown): number => {
  const before = process.cpuUsage();
  pass();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const spread = (xs: readonly number[], digits = 2, unit = '') => {
  const s = sorted(xs);
  return `${s[0]!.toFixed(digits)}${unit} / ${median(s).toFixed(digits)}${unit} / ${s[s.length - 1]!.toFixed(digits)}${unit}`;
};
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const load = () => loadavg()[0]!.toFixed(1);

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${load()}`,
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

/** The fair floor: group by subject, sort by date, one item per record. */
const fairFloorPass = (): number => {
  const bySubject = new Map<string, CreditRecord[]>();
  for (const r of data.records) {
    const list = bySubject.get(r.subject.id);
    if (list === undefined) bySubject.set(r.subject.id, [r]);
    else list.push(r);
  }
  let n = 0;
  for (const s of data.subjects) {
    const list = bySubject.get(s.id);
    if (list === undefined) continue;
    list.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
    const items = list.map((r) => ({
      eventId: r.eventId,
      rule: r.rule,
      points: cataloguePoints(ruleByCode(r.rule)!, r) as number,
      occurredOn: r.occurredOn,
    }));
    n += items.length;
  }
  return n;
};

const input = { year: 2026, asOf: '2027-03-31', subjects: data.subjects, records: data.records };
let columns: RecordColumns | undefined;
let evaluation: ReturnType<typeof evaluateColumns> | undefined;
/** The columns, as the reader builds them record by record (measured on their own). */
const columnsPass = (): number => {
  columns = columnsOf(data.subjects, data.records);
  return columns.length;
};
/** The evaluation: the columnar core over the columns (every rule; scores, grades, item states). */
const evaluatePass = (): number => {
  evaluation = evaluateColumns(input, columns!);
  return evaluation.score.length;
};
/** Every subject's full result (every item of its explanation), from the columnar evaluation. */
const materialisePass = (): number => {
  let n = 0;
  for (let i = 0; i < data.subjects.length; i++) n += materialiseResult(evaluation!, i).items.length;
  return n;
};
/** The readable evaluation (evaluateEach), the reference. */
const readablePass = (): number => {
  let n = 0;
  for (const result of evaluateEach(input)) n += result.items.length;
  return n;
};

const floors: number[] = [];
const fairFloors: number[] = [];
const evals: number[] = [];
const builds: number[] = [];
const materialisations: number[] = [];
const readables: number[] = [];
const floorWalls: number[] = [];
const evalWalls: number[] = [];
for (let i = 0; i < ROUNDS + 1; i++) {
  t0 = process.hrtime.bigint();
  const floor = cpuMs(floorPass);
  const floorWall = ms(t0);
  const fair = cpuMs(fairFloorPass);
  const build = cpuMs(columnsPass);
  t0 = process.hrtime.bigint();
  const evaluated = cpuMs(evaluatePass);
  const evalWall = ms(t0);
  const materialised = cpuMs(materialisePass);
  const readable = cpuMs(readablePass);
  // The first round warms the code up and is not counted.
  if (i === 0) continue;
  floors.push(floor);
  fairFloors.push(fair);
  evals.push(evaluated);
  builds.push(build);
  materialisations.push(materialised);
  readables.push(readable);
  floorWalls.push(floorWall);
  evalWalls.push(evalWall);
}
function readableSubjects(): number {
  return evaluation === undefined ? 0 : evaluation.readable.reduce((a, b) => a + b, 0);
}
const ratios = evals.map((e, i) => e / floors[i]!);
const fairRatios = evals.map((e, i) => e / fairFloors[i]!);
console.log('CPU time, min / median / max of the rounds:');
console.log(`floor (sum catalogue points), ms: ${spread(floors, 0)}`);
console.log(`fair floor (group by subject, sort, one item per record), ms: ${spread(fairFloors, 0)}`);
console.log(
  `evaluate (columnar core: every rule, scores, grades, every item's state), ms: ${spread(evals, 0)} ` +
    `(${((RECORDS / median(evals)) * 1000).toFixed(0)} records per CPU second); ` +
    `${readableSubjects()} subjects by the readable functions`,
);
console.log(`  building the columns (done by the reader while it reads and validates), ms: ${spread(builds, 0)}`);
console.log(`  materialising every full result from the columnar evaluation, ms: ${spread(materialisations, 0)}`);
console.log(`  the readable evaluation (evaluateEach, every full result), ms: ${spread(readables, 0)}`);
console.log(
  `  columns + core + every full result / readable: ${spread(
    readables.map((r, i) => (builds[i]! + evals[i]! + materialisations[i]!) / r),
    2,
    '×',
  )}`,
);
const wallRatios = evalWalls.map((e, i) => e / floorWalls[i]!);
console.log(
  `wall time: floor ${spread(floorWalls, 0)} ms, evaluate ${spread(evalWalls, 0)} ms, ratio ${spread(wallRatios, 1, '×')}`,
);
console.log(
  `goal evaluate ≤ ${EVALUATION_GOAL}× the floor: ${spread(ratios, 1, '×')} — ${verdict(median(ratios) <= EVALUATION_GOAL)}`,
);
console.log(`evaluate / fair floor: ${spread(fairRatios, 1, '×')}`);
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, load ${load()}`);

if (CLI) {
  // The command line on one file with all of it, against reading, parsing and writing that file.
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/evaluate-${SUBJECTS}-${RECORDS}.json`;
  writeFileSync(
    file,
    JSON.stringify({ year: 2026, asOf: '2027-03-31', subjects: data.subjects, records: data.records }),
  );
  const size = statSync(file).size;
  const timed = (args: string[]) => {
    const start = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const wall = ms(start);
    if (run.status !== 0) console.log(run.stderr);
    const [user, system, peakKiB] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    return { wall, cpu: (user! + system!) * 1000, status: run.status, peakMiB: peakKiB! / 1024 };
  };
  // The baseline: read, parse and write the same file, in a process of its own like the command.
  const baselineScript =
    "const t=require('fs').readFileSync(process.argv[1],'utf8');process.stdout.write(JSON.stringify(JSON.parse(t)))";
  timed(['bin/ecocredit.js', 'help']); // the command's bundle is built before anything is timed
  const baselines: number[] = [];
  const commands: number[] = [];
  const baselineWalls: number[] = [];
  const commandWalls: number[] = [];
  const peaks: number[] = [];
  const statuses = new Set<number | null>();
  for (let i = 0; i < ROUNDS; i++) {
    const base = timed(['-e', baselineScript, file]);
    baselines.push(base.cpu);
    baselineWalls.push(base.wall);
    const run = timed(['bin/ecocredit.js', 'evaluate', file]);
    commands.push(run.cpu);
    commandWalls.push(run.wall);
    peaks.push(run.peakMiB);
    statuses.add(run.status);
  }
  const seconds = (xs: number[]) =>
    spread(
      xs.map((x) => x / 1000),
      1,
    );
  const cliRatios = commands.map((c, i) => c / baselines[i]!);
  const cliWallRatios = commandWalls.map((c, i) => c / baselineWalls[i]!);
  console.log(
    `ecocredit evaluate on a ${(size / 2 ** 20).toFixed(0)} MiB file (exit ${[...statuses].join(', ')}): ` +
      `CPU s ${seconds(commands)}, wall s ${seconds(commandWalls)}`,
  );
  console.log(
    `read + JSON.parse + JSON.stringify of it: CPU s ${seconds(baselines)}, wall s ${seconds(baselineWalls)}`,
  );
  console.log(
    `goal ecocredit evaluate ≤ ${CLI_GOAL}× read + parse + write (CPU time): ${spread(cliRatios, 2, '×')} — ` +
      `${verdict(median(cliRatios) <= CLI_GOAL)}; in wall time ${spread(cliWallRatios, 2, '×')}`,
  );
  console.log(
    `goal peak RSS of ecocredit evaluate ≤ ${RSS_GOAL_MIB} MiB${RECORDS >= 1_000_000 ? '' : ' (set for 1,000,000 records)'}: ` +
      `${spread(peaks, 0, ' MiB')} — ${verdict(Math.max(...peaks) <= RSS_GOAL_MIB)}, load ${load()}`,
  );
}
