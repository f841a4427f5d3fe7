#!/usr/bin/env node
// `npm start`: Node is checked here, before any TypeScript can run; Java (for DynamoDB Local)
// is checked first thing by the local runtime. Each missing prerequisite is said in one clear line.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`缺少前提条件：需要 Node.js 20 或更高版本（当前 ${process.version}）。`);
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { run } = await import('./compile.js');
await run('start');
