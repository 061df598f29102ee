import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['@cookbook/source'] },
  ssr: { resolve: { conditions: ['@cookbook/source'] } },
  test: {
    name: 'apim-function-backend',
    include: ['src/**/*.test.ts', 'infra/**/*.test.ts', 'apim/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
