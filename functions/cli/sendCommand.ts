import type { Writable } from 'node:stream';
import { REGION_CODE } from '../../domain/identifiers/leagues.ts';
import { signLocalToken } from '../adapters/tokenVerifiers.ts';
import { parseSecrets } from '../adapters/webhookSecrets.ts';
import { parseOptions } from './args.ts';
import { readJsonInput, ServiceError, UsageError, writeChunk } from './io.ts';
import { serviceUrl, unreachable } from './serviceUrl.ts';
import { postSigned, serviceClock } from './webhookClient.ts';

/**
 * `ecocredit send --source SOURCE [--url URL] FILE`: signs and posts records like an enforcement
 * platform would (Standard Webhooks). FILE holds `records` (and optionally `subjects`, registered
 * first with a region token), a list of records, or a webhook body. Nothing is posted unless every
 * subject was registered; the first refusal stops the command.
 */
const BATCH = 500;

export const runSend = async (
  args: readonly string[],
  out: Writable,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const { values, positionals } = parseOptions(args, { source: { type: 'string' }, url: { type: 'string' } }, true);
  const file = positionals[0];
  if (!values.source || !file) throw new UsageError('用法：ecocredit send --source 来源 [--url 地址] 文件');
  if (positionals.length > 1) throw new UsageError(`多余的参数：${positionals.slice(1).join(' ')}`);
  const secrets = { webhookSecrets: env.ECOCREDIT_WEBHOOK_SECRETS, jwtSecret: env.ECOCREDIT_JWT_SECRET };
  if (!secrets.webhookSecrets)
    throw new UsageError(
      '未设置 ECOCREDIT_WEBHOOK_SECRETS：请使用 npm start 启动时打印的值（或在项目目录下运行，以读取数据目录中的 dev-secrets.json）',
    );
  let secret: string | undefined;
  try {
    secret = parseSecrets(secrets.webhookSecrets).get(values.source);
  } catch {
    throw new UsageError('ECOCREDIT_WEBHOOK_SECRETS 无效：须为 {"来源": "whsec_…"} 形式的 JSON 对象');
  }
  if (!secret) throw new UsageError(`ECOCREDIT_WEBHOOK_SECRETS 中没有来源 ${values.source} 的密钥`);
  const service = serviceUrl(values.url, env);
  const { bodies, subjects } = deliveriesOf(readJsonInput(file));
  if (subjects.length > 0 && !secrets.jwtSecret)
    throw new UsageError(
      `文件含 ${subjects.length} 个主体，须先登记，但未设置 ECOCREDIT_JWT_SECRET（npm start 启动时打印的值）：未登记主体，也未报送任何记录`,
    );

  let now: () => number;
  try {
    now = await serviceClock(service.url);
  } catch (err) {
    throw unreachable(service, err);
  }
  if (subjects.length > 0) {
    const token = await signLocalToken(secrets.jwtSecret!, { role: 'region', league: REGION_CODE });
    for (const s of subjects) {
      const { kind, id, ...body } = s;
      const res = await attempt(service, () =>
        fetch(`${service.url}/v1/subjects/${encodeURIComponent(String(kind))}/${encodeURIComponent(String(id))}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, text: await r.text() })),
      );
      await writeChunk(out, `登记 ${String(kind)} ${String(id)}：${res.status} ${res.text}\n`);
      refuseOnError(res, `登记 ${String(kind)} ${String(id)}`, '已停止，未报送任何记录');
    }
  }
  let sent = 0;
  for (const body of bodies) {
    const res = await attempt(service, () => postSigned(service.url, values.source!, secret, body, now()));
    await writeChunk(out, `报送：${res.status} ${res.text}\n`);
    refuseOnError(res, '报送', sent === 0 ? '已停止，未报送任何记录' : `已停止；此前 ${sent} 批已被接收`);
    sent++;
  }
};

/** The deliveries of a file: batches of records, and the subjects to register first. */
const deliveriesOf = (input: unknown): { bodies: unknown[]; subjects: Record<string, unknown>[] } => {
  const batches = (records: unknown[]) =>
    Array.from({ length: Math.ceil(records.length / BATCH) }, (_, i) => ({
      type: 'records.batch',
      records: records.slice(i * BATCH, (i + 1) * BATCH),
    }));
  if (Array.isArray(input)) return { bodies: batches(input), subjects: [] };
  if (typeof input === 'object' && input !== null) {
    const o = input as Record<string, unknown>;
    if (typeof o.type === 'string') return { bodies: [o], subjects: [] };
    if (Array.isArray(o.records))
      return {
        bodies: batches(o.records),
        subjects: Array.isArray(o.subjects) ? (o.subjects as Record<string, unknown>[]) : [],
      };
  }
  throw new UsageError('文件须包含 records 数组、记录数组或 webhook 请求体');
};

const attempt = async <T>(service: Parameters<typeof unreachable>[0], call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (err) {
    throw unreachable(service, err);
  }
};

const refuseOnError = (res: { status: number; text: string }, what: string, then: string): void => {
  if (res.status >= 500) throw new ServiceError(`${what}失败：服务内部错误（HTTP ${res.status}）。${then}。`);
  if (res.status >= 400) throw new UsageError(`${what}被拒绝（HTTP ${res.status}）：${res.text}。${then}。`);
};
