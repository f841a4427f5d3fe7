/**
 * `npm run bench:rescore`: the nightly rescoring at growing sizes (BENCH_SIZES, subjects; default
 * 10,000, 20,000, 50,000 and 100,000), each with BENCH_RECORDS_PER_SUBJECT records per subject
 * (default 10), on the local runtime, against the fair read baseline: one Query of each subject's
 * partition (the worker's own read, consistent and paged, through the document client) at the same
 * concurrency as the nightly run.
 *
 * Each size gets a fresh runtime (its own DynamoDB Local and table). The data is written straight into
 * DynamoDB Local (items as the worker writes them; timed, not counted), because sending a million
 * records through the webhook would take hours here. Then, per size: the baseline, the first night
 * (every snapshot written; one round, as it needs a table without snapshots), the same night again
 * (nothing may be written; BENCH_AGAIN_UP_TO subjects at most, default 20,000, as it costs a whole
 * night), and the steady night (the next day), each steady night with a baseline just before it, so
 * the two see the same machine: BENCH_ROUNDS rounds (default 3 up to 20,000 subjects, 1 above).
 * BENCH_SCAN=1 adds a parallel Scan of the table as an extra read figure (DynamoDB Local's Scan is
 * superlinear: it did not finish at 50,000 subjects in 12 minutes).
 *
 * Printed with each goal: first and steady night each ≤ 2× the baseline, 100,000 subjects in under 10
 * minutes, nothing unchanged written; and the growth table (time per subject at each size against
 * 10,000's: linear growth means ≈ 1).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalRecord } from '../domain/records/creditRecord.ts';
import { QUEUES } from '../infra/definitions.ts';
import { generateDataSet } from '../infra/local/demoData.ts';
import { generateJwtSecret, generateWebhookSecret, startLocalRuntime } from '../infra/local/runtime.ts';
import { countDynamo } from '../test/support/dynamoCounter.ts';

const SIZES = (process.env.BENCH_SIZES ?? process.env.BENCH_SUBJECTS ?? '10000,20000,50000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const PER_SUBJECT = Number(process.env.BENCH_RECORDS_PER_SUBJECT ?? 10);
const AGAIN_UP_TO = Number(process.env.BENCH_AGAIN_UP_TO ?? 20_000);
const roundsFor = (subjects: number) =>
  process.env.BENCH_ROUNDS ? Number(process.env.BENCH_ROUNDS) : subjects <= 20_000 ? 3 : 1;
const WITH_SCAN = process.env.BENCH_SCAN === '1';
/**
 * The nightly run's concurrency on the local runtime: 4 pollers of the rescore queue (the runtime's
 * default, like concurrent Lambda invocations), each handling a batch of `batchSize` messages in
 * parallel (the batch processor's default), each rescoring 5 subjects at a time
 * (functions/composition/rescoreWorker.ts).
 */
const RESCORE_QUEUE = QUEUES.find((q) => q.name === 'rescore')!;
const NIGHTLY_CONCURRENCY = 4 * RESCORE_QUEUE.batchSize * 5;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const s1 = (ms: number) => (ms / 1000).toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor((s.length - 1) / 2)]!, max: s[s.length - 1]! };
};
const mmm = (xs: number[], f: (x: number) => string) => {
  if (xs.length === 1) return f(xs[0]!);
  const { min, median, max } = stats(xs);
  return `${f(min)} / ${f(median)} / ${f(max)}`;
};
/** Peak resident memory of DynamoDB Local's JVM (this process's java child), from /proc; null elsewhere. */
const jvmPeakMiB = (): number | null => {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/);
    for (const pid of children) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s+java/m.test(status)) continue;
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
      if (hwm) return Number(hwm[1]) / 1024;
    }
  } catch {
    // not Linux, or the child is gone
  }
  return null;
};

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average ${load()}`,
);
console.log(
  `sizes ${SIZES.join(', ')} subjects, ${PER_SUBJECT} records each; baseline: one Query per subject at the nightly run's concurrency (${NIGHTLY_CONCURRENCY}); rounds: ${SIZES.map((n) => `${n}: ${roundsFor(n)}`).join(', ')} (the first night once per size); the same night again up to ${AGAIN_UP_TO} subjects${WITH_SCAN ? '; with a parallel Scan' : ''}`,
);

interface SizeResult {
  subjects: number;
  baselineMs: number[];
  firstMs: number;
  steadyMs: number[];
  firstRatio: number;
  steadyRatios: number[];
}
const results: SizeResult[] = [];

for (const SUBJECTS of SIZES) {
  const RECORDS = SUBJECTS * PER_SUBJECT;
  console.log(`\n== ${SUBJECTS} subjects / ${RECORDS} records — load average at start ${load()}`);
  const rt = await startLocalRuntime({
    dataDir: ':memory:',
    port: 0,
    webhookSecrets: new Map([['bench', generateWebhookSecret()]]),
    jwtSecret: generateJwtSecret(),
    visibilityTimeoutSeconds: 300,
  });
  rt.clock.freeze(new Date('2026-11-27T18:00:00Z')); // 02:00 Asia/Shanghai on 2026-11-28
  const doc = DynamoDBDocumentClient.from(rt.dynamo, { marshallOptions: { removeUndefinedValues: true } });

  let t0 = process.hrtime.bigint();
  const refs: { kind: string; id: string }[] = [];
  {
    const data = generateDataSet(SUBJECTS, RECORDS, 5);
    const referenced = new Set(data.records.filter((r) => r.clientEventId).map((r) => r.clientEventId!));
    const items: Record<string, unknown>[] = [];
    for (const s of data.subjects) {
      refs.push({ kind: s.kind, id: s.id });
      items.push({
        PK: `SUBJECT#${s.kind}#${s.id}`,
        SK: 'PROFILE',
        profile: { subject: s, registration: 'registered', version: 1, updatedAt: '2026-01-01T00:00:00Z' },
        version: 1,
        GSI1PK: `LEAGUE#${'league' in s && s.league ? s.league : 'none'}#${s.kind}`,
        GSI1SK: `SUBJECT#${s.id}`,
      });
    }
    for (const r of data.records) {
      const contentHash = createHash('sha256').update(canonicalRecord(r)).digest('hex');
      items.push({
        PK: `SUBJECT#${r.subject.kind}#${r.subject.id}`,
        SK: `RECORD#${r.eventId}`,
        stored: { record: r, contentHash, source: 'bench', receivedAt: '2026-01-01T00:00:00Z' },
        contentHash,
      });
      if (referenced.has(r.eventId))
        items.push({
          PK: `EVENT#${r.eventId}`,
          SK: 'EVENT',
          claim: {
            eventId: r.eventId,
            subject: { kind: r.subject.kind, id: r.subject.id },
            contentHash,
            occurredOn: r.occurredOn,
            rectifiedOn: r.rectifiedOn,
            revokedOn: r.revokedOn,
            applied: true,
            source: 'bench',
            claimedAt: '2026-01-01T00:00:00Z',
          },
          applied: true,
        });
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < items.length) {
          const chunk = items.slice(next, next + 25);
          next += 25;
          let request: Record<string, unknown>[] | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
          while (request && request.length > 0) {
            const r = await doc.send(new BatchWriteCommand({ RequestItems: { [rt.tableName]: request as never } }));
            request = r.UnprocessedItems?.[rt.tableName] as Record<string, unknown>[] | undefined;
          }
        }
      }),
    );
    console.log(
      `loaded ${data.subjects.length} subjects, ${data.records.length} records (${items.length} items) in ${s1(ms(t0))} s (not counted)`,
    );
  }

  /** The fair read baseline: every subject's partition read by one Query (all pages), NIGHTLY_CONCURRENCY at a time. */
  const baseline = async (): Promise<number> => {
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    let next = 0;
    let items = 0;
    await Promise.all(
      Array.from({ length: NIGHTLY_CONCURRENCY }, async () => {
        while (next < refs.length) {
          const ref = refs[next++]!;
          let start: Record<string, unknown> | undefined;
          do {
            const r = await doc.send(
              new QueryCommand({
                TableName: rt.tableName,
                KeyConditionExpression: 'PK = :pk',
                ExpressionAttributeValues: { ':pk': `SUBJECT#${ref.kind}#${ref.id}` },
                ConsistentRead: true,
                ExclusiveStartKey: start,
              }),
            );
            items += r.Items?.length ?? 0;
            start = r.LastEvaluatedKey;
          } while (start);
        }
      }),
    );
    const took = ms(t);
    console.log(
      `  baseline (one Query per subject, ${NIGHTLY_CONCURRENCY} at a time): ${items} items in ${s1(took)} s (${((refs.length / took) * 1000).toFixed(0)} subjects/s; Node CPU ${(cpuMs(process.cpuUsage(c0)) / refs.length).toFixed(2)} ms per subject); load ${load()}`,
    );
    return took;
  };

  if (WITH_SCAN) {
    t0 = process.hrtime.bigint();
    const counts = await Promise.all(
      Array.from({ length: 4 }, async (_, segment) => {
        let n = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const r = await doc.send(
            new ScanCommand({ TableName: rt.tableName, Segment: segment, TotalSegments: 4, ExclusiveStartKey: start }),
          );
          n += r.Items?.length ?? 0;
          start = r.LastEvaluatedKey;
        } while (start);
        return n;
      }),
    );
    console.log(`  extra: parallel Scan (4 segments): ${counts.reduce((a, b) => a + b, 0)} items in ${s1(ms(t0))} s`);
  }

  const counter = countDynamo(rt.dynamo);
  const perSubject = (subjects: number) => {
    const c = counter.take();
    return `${(c.calls / subjects).toFixed(2)} calls and ${(c.itemsWritten / subjects).toFixed(3)} items written per subject`;
  };
  const night = async (label: string) => {
    counter.take();
    const c0 = process.cpuUsage();
    const n = await rt.nightly();
    const cpu = cpuMs(process.cpuUsage(c0)) / n.subjects;
    console.log(
      `  ${label}: ${n.subjects} subjects in ${s1(n.ms)} s (${((n.subjects / n.ms) * 1000).toFixed(0)} subjects/s); ${n.changed} subjects written, drift ${n.drift}; ${perSubject(n.subjects)}; Node CPU ${cpu.toFixed(2)} ms per subject; load ${load()}`,
    );
    return n;
  };

  const baselineMs: number[] = [await baseline()];
  const first = await night('first night');
  const firstRatio = first.ms / baselineMs[0]!;
  console.log(`  first night / baseline: ${firstRatio.toFixed(2)}× (goal ≤ 2×)`);
  if (SUBJECTS <= AGAIN_UP_TO) await night('the same night again (goal: 0 items written)');
  const steadyMs: number[] = [];
  const steadyRatios: number[] = [];
  for (let round = 0; round < roundsFor(SUBJECTS); round++) {
    rt.clock.freeze(new Date(Date.parse('2026-11-28T18:00:00Z') + round * 86_400_000)); // the next day(s), 02:00
    const b = round === 0 ? baselineMs[0]! : await baseline();
    if (round > 0) baselineMs.push(b);
    const n = await night(`steady night ${round + 1} (next day)`);
    steadyMs.push(n.ms);
    steadyRatios.push(n.ms / b);
  }
  const rss = process.resourceUsage().maxRSS / 1024;
  const jvm = jvmPeakMiB();
  const firstWithin = SUBJECTS === 100_000 ? `; 100,000 subjects: first night ${s1(first.ms)} s (goal < 600 s)` : '';
  console.log(
    `  ${SUBJECTS} subjects — baseline ${mmm(baselineMs, s1)} s; first night ${s1(first.ms)} s = ${firstRatio.toFixed(2)}× (goal ≤ 2×); steady night ${mmm(steadyMs, s1)} s = ${mmm(steadyRatios, (r) => `${r.toFixed(2)}×`)} (goal ≤ 2×)${firstWithin}`,
  );
  console.log(
    `  peak RSS: Node ${rss.toFixed(0)} MiB (since start)${jvm === null ? '' : `, DynamoDB Local's JVM ${jvm.toFixed(0)} MiB`}; load average at end ${load()}`,
  );
  results.push({ subjects: SUBJECTS, baselineMs, firstMs: first.ms, steadyMs, firstRatio, steadyRatios });
  await rt.stop();
}

// Growth: time per subject at each size against the smallest size's; linear growth means ≈ 1.
results.sort((a, b) => a.subjects - b.subjects);
const base = results[0];
if (base) {
  const perSubjectMs = (x: number, n: number) => x / n;
  const med = (xs: number[]) => stats(xs).median;
  console.log(`\ngrowth (median times; "× linear" = (time / subjects) ÷ (the same at ${base.subjects}))`);
  console.log('| subjects | baseline s | × linear | first night s | × linear | steady night s | × linear |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const lin = (x: number, b: number) => (perSubjectMs(x, r.subjects) / perSubjectMs(b, base.subjects)).toFixed(2);
    console.log(
      `| ${r.subjects} | ${s1(med(r.baselineMs))} | ${lin(med(r.baselineMs), med(base.baselineMs))} | ${s1(r.firstMs)} | ${lin(r.firstMs, base.firstMs)} | ${s1(med(r.steadyMs))} | ${lin(med(r.steadyMs), med(base.steadyMs))} |`,
    );
  }
}
