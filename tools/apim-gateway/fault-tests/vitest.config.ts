import { defineConfig } from 'vitest/config';

import { FaultSummaryReporter } from './fault-summary-reporter.js';

// `nx run apim-gateway:fault-tests`: the gateway under hostile input and faults, over real loopback
// sockets. Kept apart from `nx test apim-gateway` (whose config only includes src/).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'apim-gateway-fault-tests',
    include: ['*.fault.test.ts'],
    environment: 'node',
    // One suite at a time: several measure the gateway's memory and should not share the CPU.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', new FaultSummaryReporter()],
  },
});
