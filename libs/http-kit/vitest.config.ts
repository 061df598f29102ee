import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'http-kit',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
