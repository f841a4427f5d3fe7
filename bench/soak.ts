/**
 * `npm run soak` (not part of `npm test`): the ingestion guarantees at larger counts, with figures.
 * - 500-record batches answered: time to the 202 (the on-disk local runtime, claims written in parallel);
 * - a duplicate storm: many concurrent deliveries of the same records;
 * - `npm start` killed with SIGKILL at random moments during ingestion, restarted, counted against the table.
 * Prints deliveries, accepted, applied, lost, doubled and 5xx; exits non-zero if anything was lost,
 * doubled or answered 5xx. Sizes: SOAK_RECORDS (default 5000), SOAK_KILLS (default 4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashRecord, crashRun, postSigned, startLocalProcess, waitApplied } from '../test/support/localProcess.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const RECORDS = Number(process.env.SOAK_RECORDS ?? 5000);
const KILLS = Number(process.env.SOAK_KILLS ?? 4);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);

// 1. Big batches, and 2. a duplicate storm, on one `npm start` with a real data folder.
const dir1 = mkdtempSync(join(tmpdir(), 'ecocredit-soak-'));
const proc = await startLocalProcess(dir1);
const batchMs: number[] = [];
let storm5xx = 0;
let stormMs = 0;
let stormAccepted = 0;
try {
  for (let b = 0; b < 5; b++) {
    const records = Array.from({ length: 500 }, (_, i) => crashRecord(100_000 + b * 500 + i, 250));
    const t0 = performance.now();
    const status = await postSigned(proc.url, { type: 'records.batch', records });
    batchMs.push(performance.now() - t0);
    if (status !== 202) throw new Error(`500-record batch answered ${status}`);
  }
  const ids = Array.from({ length: 200 }, (_, i) => 200_000 + i);
  // 2000 deliveries of 200 records (each ten times), 100 in flight at any moment.
  const storm: number[] = [];
  let k = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (k < 2000) {
        const mine = k++;
        storm.push(await postSigned(proc.url, { type: 'record.created', record: crashRecord(ids[mine % 200]!, 50) }));
      }
    }),
  );
  stormMs = performance.now() - t0;
  storm5xx = storm.filter((s) => s >= 500).length;
  stormAccepted = storm.filter((s) => s === 202).length;
  await waitApplied(proc.url, 300_000);
} finally {
  await proc.stop();
  rmSync(dir1, { recursive: true, force: true });
}
const sorted = [...batchMs].sort((a, b) => a - b);
console.log(
  `500-record batch → 202: min ${sorted[0]!.toFixed(0)} ms, median ${sorted[2]!.toFixed(0)} ms, max ${sorted[4]!.toFixed(0)} ms`,
);
console.log(
  `duplicate storm: 2000 deliveries of 200 records (100 in flight): 202 ${stormAccepted}, 5xx ${storm5xx}, ${(stormMs / 1000).toFixed(1)} s`,
);

// 3. kill -9 at random moments.
const dir2 = mkdtempSync(join(tmpdir(), 'ecocredit-soak-crash-'));
try {
  const run = await crashRun(dir2, {
    records: RECORDS,
    subjects: Math.max(20, Math.floor(RECORDS / 25)),
    kills: KILLS,
    concurrency: 6,
  });
  console.log(
    `kill -9 × ${run.kills}: deliveries ${run.deliveries}, accepted ${run.accepted}, applied ${run.applied}, lost ${run.lost}, doubled ${run.doubled}, 5xx ${run.serverErrors + storm5xx}, drift ${run.drift}, stuck ${run.stuck} (${(run.ms / 1000).toFixed(0)} s)`,
  );
  process.exitCode =
    run.lost === 0 && run.doubled === 0 && run.serverErrors + storm5xx === 0 && run.drift === 0 ? 0 : 1;
} finally {
  rmSync(dir2, { recursive: true, force: true });
}
