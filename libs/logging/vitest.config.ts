import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'logging',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // a developer's own LOG_LEVEL / LOG_FORMAT must not change what the tests see
    env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    reporters: ['default'],
  },
});
