import type { Writable } from 'node:stream';
import { parseOptions } from './args.ts';
import { UsageError, writeChunk } from './io.ts';
import { serviceUrl, unreachable } from './serviceUrl.ts';

/**
 * `ecocredit rescore [--url URL]`: runs the nightly path (sweep, then rescoring of every subject)
 * on the local runtime now, with a progress bar and a summary. Local only.
 */
interface Progress {
  runId: string | null;
  subjects: number;
  done: number;
  changed: number;
  drift: number;
  elapsedMs: number;
  finished: { subjects: number; changed: number; drift: number; swept: number; ms: number } | null;
}

export const progressBar = (done: number, total: number, width = 30): string => {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`;
};

export const runRescore = async (
  args: readonly string[],
  out: Writable,
  env: NodeJS.ProcessEnv = process.env,
  pollMs = 500,
): Promise<void> => {
  const { values } = parseOptions(args, { url: { type: 'string' } });
  const service = serviceUrl(values.url, env);
  const base = service.url;
  try {
    const started = await fetch(`${base}/v1/dev/rescore?wait=false`, { method: 'POST' });
    if (started.status !== 202)
      throw new UsageError(`${base} 拒绝了重新评分请求（HTTP ${started.status}）：此命令仅用于本地服务（npm start）`);
    for (;;) {
      await new Promise((r) => setTimeout(r, pollMs));
      const p = (await (await fetch(`${base}/v1/dev/rescore`)).json()) as Progress;
      if (p.finished) {
        const f = p.finished;
        await writeChunk(
          out,
          `\r${progressBar(f.subjects, f.subjects)}\n夜间重新评分完成：主体 ${f.subjects} 个，快照更新 ${f.changed} 个，其中偏差修复 ${f.drift} 个；补发逾期期限 ${f.swept} 个；用时 ${(f.ms / 1000).toFixed(1)} 秒。\n`,
        );
        return;
      }
      await writeChunk(out, `\r${progressBar(p.done, p.subjects)}  ${(p.elapsedMs / 1000).toFixed(0)} 秒`);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw unreachable(service, err);
  }
};
