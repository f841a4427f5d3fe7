#!/usr/bin/env node
// `npm start`: checks the prerequisites, then says what runs on this machine today.
// The local runtime (DynamoDB Local, the SQS server, the HTTP API) plugs in here (issue 4).
import { spawnSync } from 'node:child_process';

const problems = [];
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) problems.push(`需要 Node.js 20 或更高版本（当前 ${process.version}）。`);
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) problems.push('未找到 Java 17+：本地 DynamoDB（DynamoDB Local）需要 Java。请安装 OpenJDK 17，例如 `apt-get install -y openjdk-17-jre-headless`。');
else {
  const m = /version "(\d+)/.exec(java.stderr);
  if (m && Number(m[1]) < 17) problems.push(`需要 Java 17 或更高版本（当前 ${m[1]}）。`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`缺少前提条件：${p}`);
  process.exit(2);
}

console.log(`环保信用评价系统（ecocredit）—— 前提条件齐备（Node ${process.version}，Java 已安装）。

现在可以在本机使用评价命令：
  npx ecocredit evaluate test/fixtures/evaluate-basic.json   计算示例数据的评价结果
  npx ecocredit help                                         查看全部命令

本地服务（DynamoDB Local、SQS、HTTP 接口）将随后续版本在此启动。`);
