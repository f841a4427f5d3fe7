import { UsageError } from './io.ts';

/**
 * Where the commands that talk to a running service find it (docs/cli.md): `--url`, else the
 * environment variable ECOCREDIT_URL, else the local service of `npm start` on PORT (default 3000).
 */
export interface ServiceUrl {
  readonly url: string;
  /** Where the URL came from, said in messages so that a wrong one is easy to fix. */
  readonly from: string;
}

export const DEFAULT_PORT = '3000';

export const serviceUrl = (flag: string | undefined, env: NodeJS.ProcessEnv): ServiceUrl => {
  if (flag) return { url: trim(flag), from: '--url 参数' };
  if (env.ECOCREDIT_URL) return { url: trim(env.ECOCREDIT_URL), from: '环境变量 ECOCREDIT_URL' };
  if (env.PORT) return { url: `http://127.0.0.1:${env.PORT}`, from: `环境变量 PORT=${env.PORT}` };
  return { url: `http://127.0.0.1:${DEFAULT_PORT}`, from: `默认端口 ${DEFAULT_PORT}` };
};

const trim = (url: string): string => url.replace(/\/+$/, '');

/** The service did not answer: which URL was tried, where it came from, and how to change it. */
export const unreachable = (service: ServiceUrl, err: unknown): UsageError => {
  const cause =
    err instanceof Error ? ((err.cause as { code?: string } | undefined)?.code ?? err.message) : String(err);
  return new UsageError(
    `无法连接 ${service.url}（地址取自${service.from}；${cause}）。\n` +
      '请确认服务已在运行（本机：npm start），或用 --url 地址、环境变量 ECOCREDIT_URL 或 PORT 指明它的地址。',
    { cause: err },
  );
};
