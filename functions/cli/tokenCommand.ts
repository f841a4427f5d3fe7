import type { Writable } from 'node:stream';
import { signLocalToken } from '../adapters/tokenVerifiers.ts';
import { isJurisdictionCode } from '../../domain/identifiers/leagues.ts';
import { parseOptions } from './args.ts';
import { UsageError, writeChunk } from './io.ts';

/**
 * `ecocredit token --role ROLE [--league CODE] [--subject USCC]`: a local staff token signed with
 * ECOCREDIT_JWT_SECRET (the same secret `npm start` uses). For trying the system locally only.
 */
export const runToken = async (args: readonly string[], out: Writable, env: NodeJS.ProcessEnv = process.env): Promise<void> => {
  const { values } = parseOptions(args, { role: { type: 'string' }, league: { type: 'string' }, subject: { type: 'string' }, expires: { type: 'string' } });
  const role = values.role;
  if (role !== 'region' && role !== 'league' && role !== 'enterprise' && role !== 'agency') throw new UsageError('--role 须为 region、league、enterprise 或 agency');
  if (role === 'league' && (!values.league || !isJurisdictionCode(values.league))) throw new UsageError('league 角色须用 --league 指明盟市代码（如 150100）');
  if ((role === 'enterprise' || role === 'agency') && !values.subject) throw new UsageError(`${role} 角色须用 --subject 指明统一社会信用代码`);
  const secret = env.ECOCREDIT_JWT_SECRET;
  if (!secret) throw new UsageError('未设置 ECOCREDIT_JWT_SECRET：请使用 npm start 启动时打印的值');
  const token = await signLocalToken(secret, {
    role,
    ...(role === 'region' ? { league: '150000' } : values.league ? { league: values.league } : {}),
    ...(values.subject ? { subject: values.subject } : {}),
  }, values.expires ?? '12h');
  await writeChunk(out, `${token}\n`);
};
