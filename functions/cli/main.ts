import { runCyclePlan } from './cyclePlanCommand.ts';
import { runDeadline } from './deadlineCommand.ts';
import { runEvaluate } from './evaluateCommand.ts';
import { runRescore } from './rescoreCommand.ts';
import { runSend } from './sendCommand.ts';
import { runToken } from './tokenCommand.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, InputFileError, UsageError } from './io.ts';

/** The `ecocredit` command line: one entry, one function per command. Messages are Chinese. */
const HELP = `ecocredit —— 内蒙古自治区环保信用评价系统命令行

用法：
  ecocredit evaluate 文件|-                       按《暂行办法》计算评价结果（JSON 输出）
  ecocredit deadline --from 日期 --working-days N [--calendar 文件]...
                                                  计算“N个工作日内”期限的届满日
  ecocredit cycle plan --kind 类型 --year 年度 [--notice 日期] [--calendar 文件]... [--format table]
                                                  评价周期的计划期限及逾期风险
  ecocredit token --role 角色 [--league 代码] [--subject 代码]
                                                  生成本地工作人员令牌（使用 ECOCREDIT_JWT_SECRET）
  ecocredit send --source 来源 [--url 地址] 文件   签名并报送信用记录（使用 ECOCREDIT_WEBHOOK_SECRETS）
  ecocredit rescore [--url 地址]                   立即运行夜间重新评分（本地服务）
  ecocredit help                                  显示本帮助
`;

type Command = (args: readonly string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  evaluate: (args) => runEvaluate(args, process.stdout),
  deadline: (args) => runDeadline(args, process.stdout),
  token: (args) => runToken(args, process.stdout),
  send: (args) => runSend(args, process.stdout),
  rescore: (args) => runRescore(args, process.stdout),
  cycle: async (args) => {
    const [sub, ...rest] = args;
    if (sub !== 'plan') throw new UsageError(`用法：ecocredit cycle plan --kind 类型 --year 年度${sub ? `（未知子命令：${sub}）` : ''}`);
    await runCyclePlan(rest, process.stdout);
  },
  help: async () => {
    process.stdout.write(HELP);
  },
};

export const main = async (argv: readonly string[]): Promise<number> => {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) throw new UsageError(name === undefined ? HELP : `未知命令：${name}\n\n${HELP}`);
    await command(args);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputFileError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`内部错误：${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  }
};

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
