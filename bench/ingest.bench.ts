/**
 * `npm run bench:ingest`, against the local runtime on this machine:
 * - ingestion throughput: records per second from webhook to visible score;
 * - latency webhook → visible score at a steady rate (p50/p99), and lookup latency (p50/p99);
 * - in the same run, the raw DynamoDB Local baseline: TransactWriteItems per second, interleaved
 *   with the ingestion runs (three rounds, `BENCH_ROUNDS`), each round ingesting the
 *   records in their order of arrival and with each subject's records together (see ORDERS);
 * - DynamoDB calls and items written per ingested record (webhook and worker), counted on the client;
 * - each lookup paired with a raw GetItem of the same snapshot item (p99 against p99).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { keys } from '../functions/adapters/keys.ts';
import { Hs256TokenVerifier, signLocalToken } from '../functions/adapters/tokenVerifiers.ts';
import { composeScoreLookup } from '../functions/composition/scoreLookup.ts';
import { createLogger } from '../functions/shared/logger.ts';
import { sign } from '../functions/shared/webhookSignature.ts';
import { generateDataSet } from '../infra/local/demoData.ts';
import { generateJwtSecret, generateWebhookSecret, startLocalRuntime } from '../infra/local/runtime.ts';
import { startDynamoDbLocal, startSqsServer } from '../infra/local/services.ts';
import { countDynamo } from '../test/support/dynamoCounter.ts';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pool = async <T>(items: T[], concurrency: number, fn: (t: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
};

const secret = generateWebhookSecret();
const jwtSecret = generateJwtSecret();
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
const POLLERS = Number(process.env.BENCH_POLLERS ?? 8); // concurrent worker invocations, as Lambda scales with message groups
// DynamoDB Local and the SQS server started here, so that the JVM's CPU time can be read (Linux: /proc).
const dynamoLocal = await startDynamoDbLocal(':memory:');
const sqsServer = await startSqsServer();
const jvmCpuMs = (): number | null => {
  try {
    const fields = readFileSync(`/proc/${dynamoLocal.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
};
const rt = await startLocalRuntime({
  services: { dynamoEndpoint: dynamoLocal.endpoint, sqsEndpoint: sqsServer.endpoint },
  dataDir: ':memory:',
  port: 0,
  webhookSecrets: new Map([['bench', secret]]),
  jwtSecret,
  // The records queue's visibility timeout on AWS (infra/definitions.ts): a shorter one makes a busy
  // machine redeliver batches still being worked on, and the bench would count that work twice.
  visibilityTimeoutSeconds: 60,
  pollers: POLLERS,
});
const post = async (body: unknown) => {
  const raw = JSON.stringify(body);
  const id = `msg_${randomUUID()}`;
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${rt.url}/v1/webhooks/bench`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': sign(secret, id, ts, raw),
    },
    body: raw,
  });
  if (res.status !== 202) throw new Error(`webhook ${res.status}: ${await res.text()}`);
};

// The raw baseline (TransactWriteItems of a record and a snapshot-sized item, 8 at a time) and the
// ingestion of 3,000 records of 300 subjects (in deliveries of 100, until every score shows them),
// interleaved three times, so that each ratio compares two runs that saw the same machine.
const counter = countDynamo(rt.dynamo);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const N = 1500;
/** The JVM's CPU per unit since `from` (null where /proc cannot be read). */
const jvmPer = (from: number | null, units: number): number | null => {
  const now = jvmCpuMs();
  return from === null || now === null ? null : (now - from) / units;
};
const jvmText = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)} ms`);
const rawRound = async (run: number): Promise<{ rate: number; jvm: number | null }> => {
  const jvm0 = jvmCpuMs();
  const t0 = process.hrtime.bigint();
  await pool(
    Array.from({ length: N }, (_, i) => i),
    8,
    async (i) => {
      const pk = { S: `BENCH#${run}#${i % 300}` };
      await rt.dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: rt.tableName,
                Item: { PK: pk, SK: { S: `RECORD#${i}` }, body: { S: 'x'.repeat(600) } },
              },
            },
            {
              Put: {
                TableName: rt.tableName,
                Item: { PK: pk, SK: { S: 'SNAPSHOT#2026' }, body: { S: 'x'.repeat(3000) } },
              },
            },
          ],
        }),
      );
    },
  );
  return { rate: (N / ms(t0)) * 1000, jvm: jvmPer(jvm0, N) };
};
/**
 * Each ingestion run takes subjects of its own (about 300, with about 3,000 records: ten each, as in
 * a year), so that no run finds the records of an earlier one in its subjects' partitions.
 */
const ORDERS = ['arrival', 'by subject'] as const;
type Order = (typeof ORDERS)[number];
const RUNS = ROUNDS * ORDERS.length;
const data = generateDataSet(300 * RUNS, 3000 * RUNS, 11);
const runOfSubject = new Map(data.subjects.map((s, i) => [s.id, i % RUNS]));
/**
 * The records of run `run` under event ids of their own (references kept), in the order of arrival
 * or each subject's together. SQS FIFO on AWS hands a worker as many messages of one message group
 * (one subject) as it can; the local SQS server hands out messages in the order they came, whatever
 * their group. So the bench measures both orders: as they arrive (the local server's worst case), and
 * each subject's records delivered together (what a FIFO receive gives on AWS).
 */
const recordsOf = (run: number, order: Order) => {
  const records = data.records
    .filter((r) => runOfSubject.get(r.subject.id) === run)
    .map((r) => ({
      ...r,
      eventId: `R${run}-${r.eventId}`,
      ...(r.clientEventId ? { clientEventId: `R${run}-${r.clientEventId}` } : {}),
    }));
  if (order === 'by subject') {
    // Stable: a subject's records keep their order of arrival; clients' records before the agencies'.
    const first = new Map<string, number>();
    records.forEach((r, i) => {
      if (!first.has(r.subject.id)) first.set(r.subject.id, i);
    });
    const kindOrder = { enterprise: 0, agency: 1, practitioner: 2 } as const;
    records.sort(
      (a, b) =>
        kindOrder[a.subject.kind] - kindOrder[b.subject.kind] || first.get(a.subject.id)! - first.get(b.subject.id)!,
    );
  }
  return records;
};
interface Run {
  readonly raw: number;
  readonly ingest: number;
  readonly calls: number;
  readonly items: number;
}
const runs: Record<Order, Run[]> = { arrival: [], 'by subject': [] };
/** One ingestion run: deliveries of 100 records, 4 at a time, until every score shows them. */
const ingestRun = async (run: number, order: Order) => {
  const records = recordsOf(run, order);
  counter.take();
  const cpu0 = process.cpuUsage();
  const jvm0 = jvmCpuMs();
  const t0 = process.hrtime.bigint();
  await pool(
    Array.from({ length: Math.ceil(records.length / 100) }, (_, i) => records.slice(i * 100, i * 100 + 100)),
    4,
    (batch) => post({ type: 'records.batch', records: batch }),
  );
  await rt.drain(600_000);
  const ingest = (records.length / ms(t0)) * 1000;
  const cpu = process.cpuUsage(cpu0);
  const counts = counter.take();
  const byCommand = Object.fromEntries(
    Object.entries(counts.byCommand).map(([k, v]) => [k, Number((v / records.length).toFixed(2))]),
  );
  return {
    ingest,
    calls: counts.calls / records.length,
    items: counts.itemsWritten / records.length,
    cpuPerRecord: (cpu.user + cpu.system) / 1000 / records.length,
    jvmPerRecord: jvmPer(jvm0, records.length),
    byCommand,
  };
};
// The JVM compiles its hot paths during its first thousands of requests: a raw round not counted first.
const warmUp = await rawRound(0);
console.log(`warm-up: raw ${warmUp.rate.toFixed(0)} transactions/s, JVM CPU ${jvmText(warmUp.jvm)} per transaction`);
for (let round = 1; round <= ROUNDS; round++) {
  // The raw rate just before and just after the ingestion runs, averaged: all see the machine as it was.
  const rawBefore = await rawRound(round * 2 - 1);
  const measured = [];
  for (const [o, order] of ORDERS.entries())
    measured.push({ order, ...(await ingestRun((round - 1) * ORDERS.length + o, order)) });
  const rawAfter = await rawRound(round * 2);
  const raw = (rawBefore.rate + rawAfter.rate) / 2;
  console.log(
    `round ${round}: DynamoDB Local's JVM CPU per raw transaction ${jvmText(rawBefore.jvm)} before, ${jvmText(rawAfter.jvm)} after`,
  );
  for (const m of measured) {
    runs[m.order].push({ raw, ingest: m.ingest, calls: m.calls, items: m.items });
    console.log(
      `round ${round}, ${m.order}: raw ${raw.toFixed(0)} transactions/s, ingestion ${m.ingest.toFixed(0)} records/s = ${((m.ingest / raw) * 100).toFixed(0)} %; per record ${m.cpuPerRecord.toFixed(2)} ms of this process's CPU (webhook, worker, SQS server) and ${jvmText(m.jvmPerRecord)} of the JVM's, ${m.calls.toFixed(2)} calls, ${m.items.toFixed(2)} items written ${JSON.stringify(m.byCommand)}`,
    );
  }
}
// Latency at a steady rate: 10 records/s for 15 s, each until its score shows it.
const token = await signLocalToken(jwtSecret, { role: 'region', league: '150000' });
const latencies: number[] = [];
const subjects = data.subjects.filter((s) => s.kind === 'enterprise').slice(0, 50);
await Promise.all(
  Array.from({ length: 150 }, (_, i) =>
    (async () => {
      await new Promise((r) => setTimeout(r, i * 100));
      const s = subjects[i % subjects.length]!;
      const eventId = `LAT-${i}`;
      const start = process.hrtime.bigint();
      await post({
        type: 'record.created',
        record: {
          eventId,
          subject: { kind: 'enterprise', id: s.id },
          rule: 'HW_BASIC',
          occurredOn: '2026-10-01',
          department: '150100-EEB',
          league: '150100',
        },
      });
      for (;;) {
        const snap = await rt.store.getSnapshot({ kind: 'enterprise', id: s.id }, 2026);
        if (snap && JSON.stringify(snap.result).includes(`"${eventId}"`)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      latencies.push(ms(start));
    })(),
  ),
);

// Lookups (one GetItem each in the common case), each paired with a raw GetItem of the same snapshot
// item just before or after it (alternately), so that both see the same machine.
type Lookup = (id: string) => Promise<void>;
const lookupAgainstGetItem = async (lookup: Lookup): Promise<{ gets: number[]; lookups: number[] }> => {
  const gets: number[] = [];
  const lookups: number[] = [];
  const rawGet = async (id: string) => {
    const t = process.hrtime.bigint();
    await rt.dynamo.send(
      new GetItemCommand({
        TableName: rt.tableName,
        Key: { PK: { S: keys.subject({ kind: 'enterprise', id }) }, SK: { S: keys.snapshot(2026) } },
      }),
    );
    gets.push(ms(t));
  };
  const timed = async (id: string) => {
    const t = process.hrtime.bigint();
    await lookup(id);
    lookups.push(ms(t));
  };
  for (let i = 0; i < 1000; i++) {
    const { id } = subjects[i % subjects.length]!;
    if (i % 2 === 0) {
      await rawGet(id);
      await timed(id);
    } else {
      await timed(id);
      await rawGet(id);
    }
  }
  return { gets, lookups };
};
/**
 * Over HTTP to the local runtime's server, which builds the API Gateway event for the function. The
 * request goes through the HTTP client the SDK's GetItem goes through (`node:http`, a keep-alive
 * agent), so that the pair differs only by the lookup's own work and its extra hop.
 */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });
const overHttp: Lookup = (id) =>
  new Promise<void>((resolve, reject) => {
    const req = request(
      `${rt.url}/v1/subjects/enterprise/${id}/score`,
      { agent: keepAlive, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`lookup ${res.statusCode}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
/**
 * The lookup's function invoked as Lambda invokes it, with the API Gateway event (on AWS the HTTP
 * hop is API Gateway's, not the function's), composed as the local runtime composes it.
 */
const scoreLookup = composeScoreLookup({
  tokenVerifier: new Hs256TokenVerifier(jwtSecret),
  clock: rt.clock,
  logger: createLogger,
  store: rt.store,
});
const invoked: Lookup = async (id) => {
  const res = await scoreLookup(
    {
      version: '2.0',
      routeKey: 'GET /v1/subjects/{kind}/{id}/score',
      rawPath: `/v1/subjects/enterprise/${id}/score`,
      rawQueryString: '',
      headers: { authorization: `Bearer ${token}` },
      pathParameters: { kind: 'enterprise', id },
      requestContext: { requestId: randomUUID(), http: { method: 'GET', path: `/v1/subjects/enterprise/${id}/score` } },
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2,
    {} as Context,
  );
  if (res.statusCode !== 200) throw new Error(`lookup ${res.statusCode}`);
};
// Each way ROUNDS times (a p99 of a thousand calls of 1-2 ms moves by a third between runs).
type Paired = { gets: number[]; lookups: number[] };
const lookupRounds = async (lookup: Lookup): Promise<Paired[]> => {
  const out: Paired[] = [];
  for (let round = 0; round < ROUNDS; round++) out.push(await lookupAgainstGetItem(lookup));
  return out;
};
const polling = await lookupRounds(overHttp);
// Again with the queue pollers stopped: on AWS the lookup runs in a function of its own, while here
// the same process also hosts the SQS server, whose waiting receives poll every 10 ms.
for (const p of rt.pollers) await p.stop();
const quiet = await lookupRounds(overHttp);
const quietInvoked = await lookupRounds(invoked);
keepAlive.destroy();
await rt.stop();
await sqsServer.stop();
await dynamoLocal.stop();

const spread = (xs: number[], f: (x: number) => string) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${f(sorted[0]!)} / ${f(pct(sorted, 50))} / ${f(sorted.at(-1)!)}`;
};
const pctOf = (x: number) => `${(x * 100).toFixed(0)} %`;
console.log(
  `raw DynamoDB Local: TransactWriteItems ${spread(
    runs.arrival.map((r) => r.raw),
    (x) => x.toFixed(0),
  )} /s (min / median / max)`,
);
for (const order of ORDERS) {
  const rs = runs[order];
  console.log(
    `${order}: ingestion (webhook → visible score) vs the raw rate of the same round: ${spread(
      rs.map((r) => r.ingest / r.raw),
      pctOf,
    )} (goal ≥ 50 %); DynamoDB calls per record ${spread(
      rs.map((r) => r.calls),
      (x) => x.toFixed(2),
    )} (goal ≤ 2.5); items written per record ${spread(
      rs.map((r) => r.items),
      (x) => x.toFixed(2),
    )} (goal ≤ 4)`,
  );
}
console.log(
  `latency at 10 records/s (webhook → visible score): p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms`,
);
const lookupLine = (what: string, rounds: Paired[]) =>
  `lookup, ${what}: ${rounds
    .map(
      (m) =>
        `p50 ${pct(m.lookups, 50).toFixed(2)} / p99 ${pct(m.lookups, 99).toFixed(2)} ms against GetItem ${pct(m.gets, 50).toFixed(2)} / ${pct(m.gets, 99).toFixed(2)} ms`,
    )
    .join('; ')}; p99 ratio ${spread(
    rounds.map((m) => pct(m.lookups, 99) / pct(m.gets, 99)),
    (x) => `${x.toFixed(2)}×`,
  )} (min / median / max; goal ≤ 1.5×)`;
console.log(lookupLine('over HTTP, the workers polling', polling));
console.log(lookupLine('over HTTP, the pollers stopped', quiet));
console.log(lookupLine('the function invoked as Lambda invokes it, the pollers stopped', quietInvoked));
