import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { signLocalToken } from '../adapters/tokenVerifiers.ts';
import { parseSecrets } from '../adapters/webhookSecrets.ts';
import { sign } from '../shared/webhookSignature.ts';
import { parseOptions } from './args.ts';
import { readJsonInput, UsageError, writeChunk } from './io.ts';

/**
 * `ecocredit send --source SOURCE [--url URL] FILE`: signs and posts records like an enforcement
 * platform would (Standard Webhooks). FILE holds `records` (and optionally `subjects`, registered
 * first when ECOCREDIT_JWT_SECRET is set), a list of records, or a webhook body.
 */
export const runSend = async (args: readonly string[], out: Writable, env: NodeJS.ProcessEnv = process.env): Promise<void> => {
  const { values, positionals } = parseOptions(args, { source: { type: 'string' }, url: { type: 'string' } }, true);
  const file = positionals[0];
  if (!values.source || !file) throw new UsageError('用法：ecocredit send --source 来源 [--url 地址] 文件');
  if (!env.ECOCREDIT_WEBHOOK_SECRETS) throw new UsageError('未设置 ECOCREDIT_WEBHOOK_SECRETS：请使用 npm start 启动时打印的值');
  const secret = parseSecrets(env.ECOCREDIT_WEBHOOK_SECRETS).get(values.source);
  if (!secret) throw new UsageError(`ECOCREDIT_WEBHOOK_SECRETS 中没有来源 ${values.source} 的密钥`);
  const base = (values.url ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/$/, '');
  const input = readJsonInput(file) as Record<string, unknown> | unknown[];
  const bodies: unknown[] = [];
  let subjects: Record<string, unknown>[] = [];
  if (Array.isArray(input)) for (let i = 0; i < input.length; i += 500) bodies.push({ type: 'records.batch', records: input.slice(i, i + 500) });
  else if (typeof input.type === 'string') bodies.push(input);
  else if (Array.isArray(input.records)) {
    subjects = Array.isArray(input.subjects) ? (input.subjects as Record<string, unknown>[]) : [];
    for (let i = 0; i < input.records.length; i += 500) bodies.push({ type: 'records.batch', records: input.records.slice(i, i + 500) });
  } else throw new UsageError('文件须包含 records 数组、记录数组或 webhook 请求体');

  try {
    if (subjects.length > 0 && env.ECOCREDIT_JWT_SECRET) {
      const token = await signLocalToken(env.ECOCREDIT_JWT_SECRET, { role: 'region', league: '150000' });
      for (const s of subjects) {
        const { kind, id, ...body } = s;
        const res = await fetch(`${base}/v1/subjects/${String(kind)}/${String(id)}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
        await writeChunk(out, `登记 ${String(kind)} ${String(id)}：${res.status} ${await res.text()}\n`);
      }
    }
    for (const body of bodies) {
      const raw = JSON.stringify(body);
      const id = `msg_${randomUUID()}`;
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`${base}/v1/webhooks/${values.source}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sign(secret, id, ts, raw) },
        body: raw,
      });
      await writeChunk(out, `报送：${res.status} ${await res.text()}\n`);
      if (res.status >= 400) throw new UsageError(`报送被拒绝（HTTP ${res.status}）`);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`无法连接 ${base}：请先运行 npm start（${(err as Error).message}）`);
  }
};
