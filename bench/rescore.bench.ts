/**
 * `npm run bench:rescore`: nightly rescoring of BENCH_SUBJECTS subjects (default
 * 100,000) with BENCH_RECORDS records (default 1,000,000) on the local runtime: wall time, subjects
 * per second, peak memory; and in the same run the raw baseline of reading the same items (a
 * parallel Scan of the table). The data is written straight into DynamoDB Local (items as the worker
 * writes them), because sending a million records through the webhook would take hours here.
 */
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalRecord } from '../domain/records/creditRecord.ts';
import { generateDataSet } from '../infra/local/demoData.ts';
import { generateJwtSecret, generateWebhookSecret, startLocalRuntime } from '../infra/local/runtime.ts';
import { countDynamo } from '../test/support/dynamoCounter.ts';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
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
const data = generateDataSet(SUBJECTS, RECORDS, 5);
const referenced = new Set(data.records.filter((r) => r.clientEventId).map((r) => r.clientEventId!));
const items: Record<string, unknown>[] = [];
for (const s of data.subjects)
  items.push({
    PK: `SUBJECT#${s.kind}#${s.id}`,
    SK: 'PROFILE',
    profile: { subject: s, registration: 'registered', version: 1, updatedAt: '2026-01-01T00:00:00Z' },
    version: 1,
    GSI1PK: `LEAGUE#${'league' in s && s.league ? s.league : 'none'}#${s.kind}`,
    GSI1SK: `SUBJECT#${s.id}`,
  });
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
  `loaded ${data.subjects.length} subjects, ${data.records.length} records (${items.length} items) in ${(ms(t0) / 1000).toFixed(0)} s`,
);

// Baseline: read every item once, parallel Scan with 4 segments.
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
const scanMs = ms(t0);
console.log(
  `raw read (parallel Scan, 4 segments): ${counts.reduce((a, b) => a + b, 0)} items in ${(scanMs / 1000).toFixed(1)} s`,
);

// The first nightly run writes every snapshot; a steady-state night (the next day) writes only those
// whose result changed or whose stable period ran out.
// DynamoDB calls and items written per subject, counted on the client (docs/benchmarks.md).
const counter = countDynamo(rt.dynamo);
const perSubject = (subjects: number) => {
  const c = counter.take();
  return `${(c.calls / subjects).toFixed(2)} calls and ${(c.itemsWritten / subjects).toFixed(3)} items written per subject`;
};
const cpu0 = process.cpuUsage();
const first = await rt.nightly();
const cpuFirst = process.cpuUsage(cpu0);
console.log(
  `first nightly run: ${first.subjects} subjects in ${(first.ms / 1000).toFixed(1)} s (${((first.subjects / first.ms) * 1000).toFixed(0)} subjects/s); ${first.changed} subjects written; ${perSubject(first.subjects)}; Node CPU ${((cpuFirst.user + cpuFirst.system) / 1000 / first.subjects).toFixed(2)} ms per subject`,
);
// The same night again: nothing changed, so nothing may be written (goal: 0 items).
const again = await rt.nightly();
console.log(`the same night again: ${again.changed} subjects written; ${perSubject(again.subjects)} (goal: 0 items)`);
rt.clock.freeze(new Date('2026-11-28T18:00:00Z'));
const cpu1 = process.cpuUsage();
const night = await rt.nightly();
const cpuNight = process.cpuUsage(cpu1);
const rss = process.resourceUsage().maxRSS / 1024;
console.log(
  `steady-state nightly run: ${night.subjects} subjects in ${(night.ms / 1000).toFixed(1)} s (${((night.subjects / night.ms) * 1000).toFixed(0)} subjects/s); ${night.changed} subjects written, drift ${night.drift}; ${perSubject(night.subjects)}; Node CPU ${((cpuNight.user + cpuNight.system) / 1000 / night.subjects).toFixed(2)} ms per subject`,
);
console.log(
  `ratio steady-state rescoring / raw read: ${(night.ms / scanMs).toFixed(1)}× (first run ${(first.ms / scanMs).toFixed(1)}×); peak RSS of the Node process ${rss.toFixed(0)} MiB (DynamoDB Local's JVM not included)`,
);
await rt.stop();
