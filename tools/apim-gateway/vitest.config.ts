import { defineProjectTestConfig } from '../../vitest.preset.mjs';

// Property tests drive whole policy pipelines many times; a loaded CI machine needs headroom.
export default defineProjectTestConfig(import.meta.dirname, {
  name: 'apim-gateway',
  testTimeout: 30_000,
});
