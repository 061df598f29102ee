import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, chromiumExecutable } from './src/support/chromium.js';

const isCI = Boolean(process.env['CI']);
// A loopback port of its own, so the suite never talks to a dev server someone left running.
const port = Number(process.env['COOKBOOK_E2E_PORT'] ?? 4179);
const executablePath = chromiumExecutable();
// The site's base path (COOKBOOK_BASE at build time); specs use paths relative to it.
const base = process.env['COOKBOOK_BASE'] ?? '/';

export default defineConfig({
  testDir: './src/specs',
  forbidOnly: isCI,
  retries: 0,
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'dist/playwright-report' }]],
  // Under dist/: git-ignored, and the build output CI allows tests to write.
  outputDir: 'dist/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    browserName: 'chromium',
    colorScheme: 'light',
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx ../cookbook/src/serve/cli.ts ../cookbook/dist/site --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
