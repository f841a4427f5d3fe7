import { parseSecrets } from '../../functions/adapters/webhookSecrets.ts';
import { startSecrets } from '../../functions/cli/devSecrets.ts';
import { describeSamples, loadDemoData } from './demo.ts';
import { generateJwtSecret, generateWebhookSecret, startLocalRuntime } from './runtime.ts';
import { checkJava, chromiumNote, MissingPrerequisiteError } from './services.ts';

/**
 * `npm start`: the whole system on this machine. Configuration by environment:
 * ECOCREDIT_DATA_DIR (default .data/, ':memory:' for none), PORT (default 3000),
 * ECOCREDIT_WEBHOOK_SECRETS (JSON source → whsec_…), ECOCREDIT_JWT_SECRET (HS256 staff tokens).
 * Without secrets, development values are generated once and kept in the data folder
 * (dev-secrets.json, 0600), where the next start and the command line find them.
 */
const main = async (argv: readonly string[]): Promise<number> => {
  checkJava();
  // Quiet by default: warnings and errors only (LOG_LEVEL=INFO shows every message handled).
  process.env.LOG_LEVEL ??= 'WARN';
  const demo = argv.includes('--demo');
  const dataDir = process.env.ECOCREDIT_DATA_DIR ?? '.data';
  const port = Number(process.env.PORT ?? 3000);
  const dev = startSecrets(process.env, dataDir, {
    webhookSecrets: () => JSON.stringify({ dev: generateWebhookSecret() }),
    jwtSecret: generateJwtSecret,
  });
  let secrets: Map<string, string>;
  try {
    secrets = parseSecrets(dev.webhookSecrets);
  } catch (err) {
    console.error(`ECOCREDIT_WEBHOOK_SECRETS 无效：${(err as Error).message}`);
    return 2;
  }
  const jwtSecret = dev.jwtSecret;

  console.log('正在启动本地服务（DynamoDB Local、SQS、HTTP 接口与网站）……');
  const rt = await startLocalRuntime({ dataDir, port, webhookSecrets: secrets, jwtSecret });
  const source = [...secrets.keys()][0]!;
  // Commands for another terminal: they find this service through PORT, and the secrets through
  // the data folder (or the exported values when nothing is kept on disk).
  const env = [
    ...(port !== 3000 ? [`PORT=${port}`] : []),
    ...(process.env.ECOCREDIT_DATA_DIR && dataDir !== ':memory:' ? [`ECOCREDIT_DATA_DIR='${dataDir}'`] : []),
    ...(dev.origin === 'generated-in-memory'
      ? [`ECOCREDIT_WEBHOOK_SECRETS='${dev.webhookSecrets}'`, `ECOCREDIT_JWT_SECRET='${jwtSecret}'`]
      : []),
  ];
  const secretsNote = {
    environment: '',
    saved: `\n开发用密钥：沿用 ${dev.path}（命令行在项目目录下自动读取）\n`,
    'generated-and-saved': `\n已生成开发用密钥，保存在 ${dev.path}（仅本用户可读），下次启动及命令行自动沿用\n`,
    'generated-in-memory': '\n已生成开发用密钥（数据目录为内存，不保存；下次启动将重新生成）\n',
  }[dev.origin];
  console.log(`
环保信用评价系统（ecocredit）已在本机运行：${rt.url}
  公众查询网站：${rt.url}/
  工作台与企业端：${rt.url}/auth/dev（本地开发登录：选择身份即可，部署后使用统一身份认证）
  数据目录：${dataDir === ':memory:' ? '（内存，不保存）' : dataDir}
  接口：POST /v1/webhooks/{source}  GET /v1/subjects/{kind}/{id}/score  PUT /v1/subjects/{kind}/{id}  GET /v1/health
${secretsNote}
试一试（在另一个终端中，于项目目录下执行）：
  ${env.length > 0 ? `export ${env.join(' ')}\n  ` : ''}npx ecocredit send --source ${source} test/fixtures/evaluate-basic.json
  curl -s -H "Authorization: Bearer $(npx ecocredit token --role region)" "${rt.url}/v1/subjects/enterprise/91150600MA0Q67890N/score?year=2026"

工作人员令牌：npx ecocredit token --role league --league 150100
评价周期：POST /v1/cycles、POST /v1/cycles/{year}/{kind}/acts、GET /v1/cycles/{year}/{kind}（见 docs/legal-clock.md）
调整本地时钟（仅本地）：curl -s -X POST ${rt.url}/v1/dev/clock -d '{"advanceDays": 7}'
立即运行夜间重新评分：npx ecocredit rescore
命令帮助：npx ecocredit help${chromiumNote()}
按 Ctrl-C 停止。`);

  if (demo) {
    const started = Date.now();
    const tty = process.stdout.isTTY;
    console.log('\n正在载入演示数据（300 个主体、2000 条信用记录，约需两三分钟）……');
    const n = await loadDemoData(rt, source, secrets.get(source)!, jwtSecret, {
      progress: (line) => (tty ? process.stdout.write(`\r\x1b[2K  ${line}`) : console.log(`  ${line}`)),
    });
    if (tty) process.stdout.write('\r\x1b[2K');
    console.log(`已载入演示数据：${n.subjects} 个主体、${n.records} 条信用记录（十二个盟市），已发布 ${n.published.year} 年度评价结果 ${n.published.subjects} 家，用时 ${Math.round((Date.now() - started) / 1000)} 秒。
公众查询网站：${rt.url}/lists
可以查询的主体（自治区工作人员令牌）：
  ${describeSamples(n.samples).join('\n  ')}
查询示例：
  ${env.length > 0 ? `export ${env.join(' ')}\n  ` : ''}curl -s -H "Authorization: Bearer $(npx ecocredit token --role region)" "${rt.url}/v1/subjects/${n.samples[0]?.kind ?? 'enterprise'}/${n.samples[0]?.id ?? ''}/score"`);
  }

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.log('\n正在停止……');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await rt.stop();
  console.log('已停止。');
  return 0;
};

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof MissingPrerequisiteError) {
    console.error(`缺少前提条件：${err.message}`);
    process.exitCode = 2;
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `端口 ${process.env.PORT ?? 3000} 已被占用：请先停止占用它的程序，或用 PORT=3001 npm start 换一个端口`,
    );
    process.exitCode = 2;
  } else {
    console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  process.exit();
}
