import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Property tests and child processes share two cores; keep the pool small and predictable.
    pool: 'forks',
  },
});
