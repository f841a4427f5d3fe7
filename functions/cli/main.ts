import { withSavedSecrets } from './devSecrets.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, InputFileError, ServiceError, UsageError } from './io.ts';

/**
 * The `ecocredit` command line: one entry, one module per command, each loaded only when it runs
 * (so `help` starts at once). Every command answers `--help`. Messages are Chinese (docs/cli.md).
 */
interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly help: string;
  readonly run: (args: readonly string[]) => Promise<void>;
}

const SERVICE_URL_HELP = `服务地址：--url 地址；未给出时取环境变量 ECOCREDIT_URL；再未给出时为 http://127.0.0.1:$PORT（PORT 默认 3000，与 npm start 相同）。`;

const COMMANDS: Record<string, Command> = {
  evaluate: {
    summary: '按《暂行办法》计算评价结果（JSON 输出）',
    usage: 'ecocredit evaluate 文件|-',
    help: `读取评价输入（JSON：year、asOf、subjects、records），按输入顺序在标准输出写出各主体的评价结果。
参数：
  文件     输入文件路径；- 表示标准输入
退出码：0 成功；2 输入有误（错误在标准错误输出中逐项列出，标准输出为空）。`,
    run: async (args) => (await import('./evaluateCommand.ts')).runEvaluate(args, process.stdout),
  },
  deadline: {
    summary: '计算“N个工作日内”期限的届满日',
    usage: 'ecocredit deadline --from 日期 --working-days N [--calendar 文件]...',
    help: `从起算日之后计算 N 个工作日的届满日（法定节假日顺延、调休上班日计入）。
选项：
  --from 日期           起算日（YYYY-MM-DD）
  --working-days N      工作日数（0 至 3650）
  --calendar 文件       国务院办公厅节假日安排（JSON），可重复，补充内置的 2024—2026 年安排
退出码：0 成功；2 参数有误。`,
    run: async (args) => (await import('./deadlineCommand.ts')).runDeadline(args, process.stdout),
  },
  cycle: {
    summary: '评价周期的计划期限及逾期风险',
    usage: 'ecocredit cycle plan --kind 类型 --year 年度 [--notice 日期] [--calendar 文件]... [--format json|table]',
    help: `列出一个评价周期各阶段的计划期限，并标出有逾期风险的法定日期。
选项：
  --kind 类型           enterprise（企事业单位）、agency（第三方服务机构）或 practitioner（相关从业人员）
  --year 年度           评价年度
  --notice 日期         启动通知日（YYYY-MM-DD），默认按计划推算
  --calendar 文件       节假日安排（JSON），可重复
  --format json|table   输出格式，默认 json；table 为中文表格
退出码：0 成功；2 参数有误。`,
    run: async (args) => {
      const [sub, ...rest] = args;
      if (sub !== 'plan')
        throw new UsageError(
          `用法：ecocredit cycle plan --kind 类型 --year 年度${sub ? `（未知子命令：${sub}）` : ''}`,
        );
      await (await import('./cyclePlanCommand.ts')).runCyclePlan(rest, process.stdout);
    },
  },
  token: {
    summary: '生成本地工作人员令牌',
    usage: 'ecocredit token --role 角色 [--league 代码] [--subject 代码] [--expires 时长]',
    help: `生成本地试用的工作人员令牌（HS256），签名密钥为 ECOCREDIT_JWT_SECRET；未设置时读取数据目录
（ECOCREDIT_DATA_DIR，默认 .data）中 npm start 保存的 dev-secrets.json。
选项：
  --role 角色       region（自治区）、league（盟市）、enterprise（企业）或 agency（机构）
  --league 代码     league 角色的盟市代码，如 150100
  --subject 代码    enterprise、agency 角色的统一社会信用代码
  --expires 时长    有效期，默认 12h
退出码：0 成功；2 参数有误或缺少密钥。`,
    run: async (args) =>
      (await import('./tokenCommand.ts')).runToken(args, process.stdout, withSavedSecrets(process.env)),
  },
  send: {
    summary: '签名并报送信用记录（如执法平台）',
    usage: 'ecocredit send --source 来源 [--url 地址] 文件|-',
    help: `像执法平台一样签名（Standard Webhooks）并报送文件中的记录。文件可为：含 records（及 subjects）的对象、
记录数组，或一个 webhook 请求体。文件含 subjects 时先逐个登记（须有 ECOCREDIT_JWT_SECRET），任一登记失败
即停止，不报送任何记录。签名时间取服务的本地时钟（GET /v1/dev/clock），与服务的校验一致。
选项：
  --source 来源      报送来源，其密钥取自 ECOCREDIT_WEBHOOK_SECRETS（未设置时读取 dev-secrets.json）
  --url 地址         服务地址
${SERVICE_URL_HELP}
退出码：0 全部被接收；2 参数、文件或密钥有误，服务不可达，或请求被拒绝；1 服务内部错误。`,
    run: async (args) =>
      (await import('./sendCommand.ts')).runSend(args, process.stdout, withSavedSecrets(process.env)),
  },
  rescore: {
    summary: '立即运行夜间重新评分（本地服务）',
    usage: 'ecocredit rescore [--url 地址]',
    help: `在本地服务上立即运行夜间任务（补发逾期期限，再重新评价全部主体），显示进度和汇总。
选项：
  --url 地址         服务地址
${SERVICE_URL_HELP}
退出码：0 完成；2 服务不可达或拒绝请求。`,
    run: async (args) => (await import('./rescoreCommand.ts')).runRescore(args, process.stdout),
  },
};

const OVERVIEW = `ecocredit —— 内蒙古自治区环保信用评价系统命令行

用法：
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}
  ecocredit help [命令]
      显示本帮助或某一命令的帮助（也可用：ecocredit 命令 --help）

${SERVICE_URL_HELP}
退出码：0 成功；1 内部错误；2 输入或参数有误、缺少密钥、服务不可达或拒绝请求。
`;

const helpOf = (name: string): string => {
  const c = COMMANDS[name]!;
  return `用法：${c.usage}\n\n${c.summary}。\n${c.help}\n`;
};

const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');

export const main = async (argv: readonly string[]): Promise<number> => {
  const [name, ...args] = argv;
  try {
    if (name === undefined) throw new UsageError(OVERVIEW);
    if (name === 'help' || name === '--help' || name === '-h') {
      const topic = args[0];
      if (topic !== undefined && !(topic in COMMANDS)) throw new UsageError(`未知命令：${topic}\n\n${OVERVIEW}`);
      process.stdout.write(topic === undefined ? OVERVIEW : helpOf(topic));
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`未知命令：${name}\n\n${OVERVIEW}`);
    if (wantsHelp(args)) {
      process.stdout.write(helpOf(name));
      return EXIT_OK;
    }
    await command.run(args);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputFileError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof ServiceError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_FAILURE;
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
