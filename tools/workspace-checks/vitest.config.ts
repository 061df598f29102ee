import { defineProjectTestConfig } from '../../vitest.preset.mjs';

// Each check shells out to nx, which is slow on 2 cores.
export default defineProjectTestConfig(import.meta.dirname, {
  name: 'workspace-checks',
  testTimeout: 120_000,
});
