#!/usr/bin/env node
// `npm start`: checks the prerequisites in one clear line each, then starts the local runtime.
import { spawnSync } from 'node:child_process';

const problems = [];
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) problems.push(`需要 Node.js 20 或更高版本（当前 ${process.version}）。`);
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) problems.push('未找到 Java 17+：本地 DynamoDB（DynamoDB Local）需要 Java。请安装 OpenJDK 17，例如 apt-get install -y openjdk-17-jre-headless');
else {
  const m = /version "(\d+)/.exec(java.stderr);
  if (m && Number(m[1]) < 17) problems.push(`需要 Java 17 或更高版本（当前 ${m[1]}）。`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`缺少前提条件：${p}`);
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
await import('../infra/local/main.ts');
