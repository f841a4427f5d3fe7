import type { Writable } from 'node:stream';
import { isJurisdictionCode, REGION_CODE } from '../../domain/identifiers/leagues.ts';
import { signLocalToken } from '../adapters/tokenVerifiers.ts';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../shared/auth.ts';
import { parseOptions } from './args.ts';
import { UsageError, writeChunk } from './io.ts';

/**
 * `ecocredit token --role ROLE [--league CODE] [--subject USCC] [--expires 30m|2h|43200]`: a local
 * staff token signed with ECOCREDIT_JWT_SECRET, or else the development secret `npm start` saved in
 * the data folder. It always carries `exp`: 12 hours by default, never longer (every route refuses
 * longer-lived tokens). For trying the system locally only.
 */
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `--expires` in seconds: `N`, `Ns`, `Nm` or `Nh`, between 1 s and 12 h; null when unreadable or out of bounds. */
const lifetimeSeconds = (text: string): number | null => {
  const m = /^(\d{1,6})([smh]?)$/.exec(text.trim());
  if (!m) return null;
  const seconds = Number(m[1]) * UNITS[m[2] || 's']!;
  return seconds >= 1 && seconds <= MAX_TOKEN_LIFETIME_SECONDS ? seconds : null;
};

export const runToken = async (
  args: readonly string[],
  out: Writable,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const { values } = parseOptions(args, {
    role: { type: 'string' },
    league: { type: 'string' },
    subject: { type: 'string' },
    expires: { type: 'string' },
  });
  const role = values.role;
  if (role !== 'region' && role !== 'league' && role !== 'enterprise' && role !== 'agency')
    throw new UsageError('--role 须为 region、league、enterprise 或 agency');
  if (role === 'league' && (!values.league || !isJurisdictionCode(values.league)))
    throw new UsageError('league 角色须用 --league 指明盟市代码（如 150100）');
  if ((role === 'enterprise' || role === 'agency') && !values.subject)
    throw new UsageError(`${role} 角色须用 --subject 指明统一社会信用代码`);
  const lifetime = lifetimeSeconds(values.expires ?? '12h');
  if (lifetime === null) throw new UsageError('--expires 须为令牌有效期，如 30m、2h 或秒数，且不超过 12 小时（12h）');
  const secret = env.ECOCREDIT_JWT_SECRET;
  if (!secret)
    throw new UsageError(
      '未设置 ECOCREDIT_JWT_SECRET，数据目录中也没有 dev-secrets.json：请先运行 npm start，或设置 npm start 启动时打印的值',
    );
  const token = await signLocalToken(
    secret,
    {
      role,
      ...(role === 'region' ? { league: REGION_CODE } : values.league ? { league: values.league } : {}),
      ...(values.subject ? { subject: values.subject } : {}),
    },
    lifetime,
  );
  await writeChunk(out, `${token}\n`);
};
