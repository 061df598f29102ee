import { defineProjectTestConfig } from '../../vitest.preset.mjs';

export default defineProjectTestConfig(import.meta.dirname, {
  name: 'apim-function-backend',
  include: ['src/**/*.test.ts', 'infra/**/*.test.ts', 'apim/**/*.test.ts', 'scripts/**/*.test.ts'],
});
