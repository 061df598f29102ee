import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'functions-host',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
    testTimeout: 20_000,
  },
});
