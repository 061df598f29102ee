import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['@cookbook/source'] },
  ssr: { resolve: { conditions: ['@cookbook/source'] } },
  test: {
    name: 'hello-http-minimal',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
