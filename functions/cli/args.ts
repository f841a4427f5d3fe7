import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './io.ts';

/** Strict option parsing with Chinese messages for the user (exit 2 on any mistake). */
export const parseOptions = <O extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: O,
  allowPositionals = false,
) => {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`未知参数：${unknown[1]}`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`参数 ${(missing[1] ?? '').split(',')[0]} 缺少取值`);
    if (/Unexpected argument '([^']+)'/.test(message))
      throw new UsageError(`多余的参数：${/Unexpected argument '([^']+)'/.exec(message)![1]}`);
    throw new UsageError(`参数有误：${message}`);
  }
};
