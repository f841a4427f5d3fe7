import { defineConfig } from 'vitest/config';

// vitest's globalSetup runs in the main process where `test.env` is not applied (STACK.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    reporters: ['default', './test/setup/summaryReporter.ts'],
    globalSetup: ['test/setup/services.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Property tests, child processes and DynamoDB Local share two cores: keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
