import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'workspace-checks',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Each check shells out to nx, which is slow on 2 cores.
    testTimeout: 120_000,
  },
});
