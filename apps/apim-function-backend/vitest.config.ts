import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace libraries and tools resolve to their TypeScript sources, as in the bundle.
const SOURCE_CONDITION = '@cookbook/source';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  test: {
    name: 'apim-function-backend',
    include: [
      'src/**/*.test.ts',
      'infra/**/*.test.ts',
      'apim/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    reporters: ['default'],
  },
});
