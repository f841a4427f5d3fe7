import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCreditStore } from '../../functions/adapters/dynamoStore.ts';
import { signLocalToken } from '../../functions/adapters/tokenVerifiers.ts';
import { sign } from '../../functions/shared/webhookSignature.ts';
import { freePort, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../../infra/local/services.ts';
import { uscc } from './builders.ts';

/**
 * `npm start` as a child process with a real data folder, killed with SIGKILL at random moments
 * while thousands of signed records are posted, then restarted (the crash test and `npm run soak`).
 */
export const CRASH_SECRET = 'whsec_Y3Jhc2gtdGVzdC1zZWNyZXQtb2YtZWNvY3JlZGl0';
export const CRASH_JWT = 'crash-test-jwt-secret-0123456789abcdef';
const ROOT = resolve(import.meta.dirname, '../..');

export interface LocalProcess {
  readonly url: string;
  /** SIGKILL to the whole process group (the runtime and its DynamoDB Local). */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean stop. */
  stop(): Promise<void>;
}

export const startLocalProcess = async (dataDir: string): Promise<LocalProcess> => {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ECOCREDIT_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'ERROR',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ crash: CRASH_SECRET }),
      ECOCREDIT_JWT_SECRET: CRASH_JWT,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/v1/dev/ingest`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`npm start did not answer within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async kill9() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      // DynamoDB Local stops with its parent; make sure nothing of the group stays.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    },
  };
};

export const crashRecord = (i: number, subjects: number) => {
  const id = uscc(10_000 + (i % subjects), '150100');
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 10);
  return {
    eventId: `CRASH-${i}`,
    subject: { kind: 'enterprise', id, siteId: `${id}001P` },
    rule: i % 3 === 0 ? 'PMT_LEDGER' : 'PMT_SELF_MONITORING',
    occurredOn: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    department: '150100-EEB',
    league: '150100',
  };
};

export const postSigned = async (url: string, body: unknown): Promise<number> => {
  const raw = JSON.stringify(body);
  const id = `msg_${randomUUID()}`;
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${url}/v1/webhooks/crash`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': sign(CRASH_SECRET, id, ts, raw),
    },
    body: raw,
    signal: AbortSignal.timeout(60_000),
  });
  await res.arrayBuffer();
  return res.status;
};

/** Waits until nothing accepted is left to apply (outbox empty, queue empty). */
export const waitApplied = async (
  url: string,
  timeoutMs: number,
): Promise<{ pending: number; stuck: number; queued: number }> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = (await (await fetch(`${url}/v1/dev/ingest`)).json()) as {
      pending: number;
      stuck: number;
      queued: number;
    };
    if ((s.pending === 0 && s.queued === 0) || Date.now() > until) return s;
    await new Promise((r) => setTimeout(r, 250));
  }
};

export interface CrashRun {
  readonly deliveries: number;
  readonly accepted: number;
  readonly applied: number;
  readonly lost: number;
  readonly doubled: number;
  readonly serverErrors: number;
  readonly kills: number;
  readonly drift: number;
  readonly stuck: number;
  readonly ms: number;
}

/**
 * Posts `records` records (batches of 10, every fifth delivery a single record) with `concurrency`
 * deliveries in flight, SIGKILLs the process `kills` times at random moments, restarts it, retries
 * deliveries that got no answer (as a platform does), and counts at the end against the table.
 */
export const crashRun = async (
  dataDir: string,
  opts: { records: number; subjects: number; kills: number; concurrency: number; random?: () => number },
): Promise<CrashRun> => {
  const started = Date.now();
  const random = opts.random ?? Math.random;
  const deliveries: { ids: number[]; body: unknown }[] = [];
  for (let i = 0, n = 0; i < opts.records; n++) {
    const size = n % 5 === 4 ? 1 : Math.min(10, opts.records - i);
    const ids = Array.from({ length: size }, (_, k) => i + k);
    deliveries.push({
      ids,
      body:
        size === 1
          ? { type: 'record.created', record: crashRecord(ids[0]!, opts.subjects) }
          : { type: 'records.batch', records: ids.map((x) => crashRecord(x, opts.subjects)) },
    });
    i += size;
  }
  const accepted = new Set<number>();
  let serverErrors = 0;
  let posted = 0;
  let queue = [...deliveries.keys()];
  let proc = await startLocalProcess(dataDir);
  let kills = 0;
  while (queue.length > 0) {
    const round = queue;
    queue = [];
    let alive = true;
    const killAt =
      kills < opts.kills
        ? Math.floor(random() * Math.min(round.length, Math.ceil(deliveries.length / (opts.kills + 1)))) + 1
        : Infinity;
    let sent = 0;
    let next = 0;
    const current = proc;
    const worker = async () => {
      while (next < round.length) {
        const d = round[next++]!;
        if (!alive) {
          queue.push(d);
          continue;
        }
        if (++sent === killAt) {
          alive = false;
          // The kill lands while this and other deliveries are in flight.
          setTimeout(() => void current.kill9(), Math.floor(random() * 40));
        }
        posted++;
        try {
          const status = await postSigned(current.url, deliveries[d]!.body);
          if (status === 202) for (const id of deliveries[d]!.ids) accepted.add(id);
          else if (status >= 500) {
            // A 500 while the process is being killed (its database died first) is the truth; any other is a fault.
            if (alive) serverErrors++;
            queue.push(d);
          } else throw new Error(`delivery ${d} answered ${status}`);
        } catch (err) {
          if ((err as Error).message?.startsWith('delivery')) throw err;
          queue.push(d); // no answer: the platform sends it again later
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    if (!alive) {
      await current.kill9();
      kills++;
      proc = await startLocalProcess(dataDir);
    }
  }
  const left = await waitApplied(proc.url, 120_000);
  const rescore = (await (await fetch(`${proc.url}/v1/dev/rescore`, { method: 'POST' })).json()) as { drift: number };
  await proc.stop();

  // Count against the table itself.
  const ddb = await startDynamoDbLocal(dataDir);
  const client = new DynamoDBClient({ endpoint: ddb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const store = new DynamoCreditStore(client, 'ecocredit');
    const ids = deliveries.flatMap((d) => d.ids);
    const claims = await store.getClaims(ids.map((i) => `CRASH-${i}`));
    let applied = 0;
    let lost = 0;
    let doubled = 0;
    const stored = new Map<string, number>();
    for (let s = 0; s < opts.subjects; s++) {
      const partition = await store.loadSubject({ kind: 'enterprise', id: crashRecord(s, opts.subjects).subject.id });
      for (const r of partition.records) stored.set(r.record.eventId, (stored.get(r.record.eventId) ?? 0) + 1);
    }
    for (const i of accepted) {
      const n = stored.get(`CRASH-${i}`) ?? 0;
      if (n === 0 || !claims.get(`CRASH-${i}`)?.applied) lost++;
      else applied++;
      if (n > 1) doubled++;
    }
    return {
      deliveries: posted,
      accepted: accepted.size,
      applied,
      lost,
      doubled,
      serverErrors,
      kills,
      drift: rescore.drift,
      stuck: left.stuck,
      ms: Date.now() - started,
    };
  } finally {
    client.destroy();
    await ddb.stop();
  }
};

export const staffTokenForCrash = () => signLocalToken(CRASH_JWT, { role: 'region', league: '150000' });
