import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'logging',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
