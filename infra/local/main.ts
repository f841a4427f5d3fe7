import { parseSecrets } from '../../functions/adapters/webhookSecrets.ts';
import { signLocalToken } from '../../functions/adapters/tokenVerifiers.ts';
import { loadDemoData } from './demo.ts';
import { generateJwtSecret, generateWebhookSecret, startLocalRuntime } from './runtime.ts';
import { checkJava, MissingPrerequisiteError } from './services.ts';

/**
 * `npm start`: the whole system on this machine (issue 4 §5). Configuration by environment:
 * ECOCREDIT_DATA_DIR (default .data/, ':memory:' for none), PORT (default 3000),
 * ECOCREDIT_WEBHOOK_SECRETS (JSON source → whsec_…), ECOCREDIT_JWT_SECRET (HS256 staff tokens).
 * Without secrets, development values are generated and printed with one copy-paste example.
 */
const main = async (argv: readonly string[]): Promise<number> => {
  checkJava();
  // Quiet by default: warnings and errors only (LOG_LEVEL=INFO shows every message handled).
  process.env.LOG_LEVEL ??= 'WARN';
  const demo = argv.includes('--demo');
  const dataDir = process.env.ECOCREDIT_DATA_DIR ?? '.data';
  const port = Number(process.env.PORT ?? 3000);
  const generated: string[] = [];
  let secretsJson = process.env.ECOCREDIT_WEBHOOK_SECRETS;
  if (!secretsJson) {
    secretsJson = JSON.stringify({ dev: generateWebhookSecret() });
    generated.push(`ECOCREDIT_WEBHOOK_SECRETS='${secretsJson}'`);
  }
  let jwtSecret = process.env.ECOCREDIT_JWT_SECRET;
  if (!jwtSecret) {
    jwtSecret = generateJwtSecret();
    generated.push(`ECOCREDIT_JWT_SECRET='${jwtSecret}'`);
  }
  let secrets: Map<string, string>;
  try {
    secrets = parseSecrets(secretsJson);
  } catch (err) {
    console.error(`ECOCREDIT_WEBHOOK_SECRETS 无效：${(err as Error).message}`);
    return 2;
  }

  console.log('正在启动本地服务（DynamoDB Local、SQS、HTTP 接口）……');
  const rt = await startLocalRuntime({ dataDir, port, webhookSecrets: secrets, jwtSecret });
  const source = [...secrets.keys()][0]!;
  const regionToken = await signLocalToken(jwtSecret, { role: 'region', league: '150000' });
  console.log(`
环保信用评价系统（ecocredit）已在本机运行：${rt.url}
  数据目录：${dataDir === ':memory:' ? '（内存，不保存）' : dataDir}
  接口：POST /v1/webhooks/{source}  GET /v1/subjects/{kind}/{id}/score  PUT /v1/subjects/{kind}/{id}  GET /v1/health
${generated.length > 0 ? `\n已生成开发用密钥（下次启动可沿用）：\n  ${generated.join('\n  ')}\n` : ''}
试一试（在另一个终端中，于项目目录下执行）：
  ${generated.length > 0 ? `export ${generated.join(' ')}\n  ` : ''}npx ecocredit send --source ${source} --url ${rt.url} test/fixtures/evaluate-basic.json
  curl -s -H "Authorization: Bearer ${regionToken}" "${rt.url}/v1/subjects/enterprise/91150600MA0Q67890N/score?year=2026"

工作人员令牌：npx ecocredit token --role league --league 150100
评价周期：POST /v1/cycles、POST /v1/cycles/{year}/{kind}/acts、GET /v1/cycles/{year}/{kind}（见 README）
调整本地时钟（仅本地）：curl -s -X POST ${rt.url}/v1/dev/clock -d '{"advanceDays": 7}'
立即运行夜间重新评分：npx ecocredit rescore --url ${rt.url}
按 Ctrl-C 停止。`);

  if (demo) {
    const n = await loadDemoData(rt, source, secrets.get(source)!, jwtSecret);
    console.log(`已载入演示数据：${n.subjects} 个主体、${n.records} 条信用记录（各盟市）。`);
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
    console.error(`端口 ${process.env.PORT ?? 3000} 已被占用：请先停止占用它的程序，或用 PORT=3001 npm start 换一个端口`);
    process.exitCode = 2;
  } else {
    console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  process.exit();
}
