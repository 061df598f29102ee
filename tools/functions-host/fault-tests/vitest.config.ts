import { defineConfig } from 'vitest/config';

import { FaultSummaryReporter } from './fault-summary-reporter.js';

// `nx run functions-host:fault-tests`: the host under hostile input and faults, over real
// loopback sockets. Kept apart from `nx test functions-host` (whose config only includes src/).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'functions-host-fault-tests',
    include: ['*.fault.test.ts'],
    environment: 'node',
    // One suite at a time: each measures a host's memory and should not share the CPU.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', new FaultSummaryReporter()],
  },
});
