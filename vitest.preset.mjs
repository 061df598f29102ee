// The one vitest setup every project uses. Plain JavaScript so vite bundles it into each config on any Node.
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The export condition under which every workspace package points at its TypeScript source. */
export const SOURCE_CONDITION = '@cookbook/source';

/** @type {import('./vitest.preset.d.mts').defineProjectTestConfig} */
export function defineProjectTestConfig(projectDir, options) {
  return defineConfig({
    root: projectDir,
    // workspace packages resolve to src/, so no test needs another project's dist/ (a fresh clone has none)
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
    test: {
      name: options.name,
      include: options.include ?? ['src/**/*.test.ts'],
      environment: 'node',
      // a developer's own LOG_LEVEL / LOG_FORMAT must not change what the tests see
      env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
      reporters: ['default'],
      ...(options.testTimeout === undefined ? {} : { testTimeout: options.testTimeout }),
    },
  });
}
