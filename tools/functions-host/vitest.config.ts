import { defineProjectTestConfig } from '../../vitest.preset.mjs';

// Host tests start real servers and child processes.
export default defineProjectTestConfig(import.meta.dirname, {
  name: 'functions-host',
  testTimeout: 20_000,
});
