import { defineProjectTestConfig } from '../../vitest.preset.mjs';

// The generator test builds, lints and tests a generated recipe in a copy of the workspace.
export default defineProjectTestConfig(import.meta.dirname, {
  name: 'nx-plugin',
  testTimeout: 600_000,
});
