import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

import {
  helloRecipeDir,
  localFunctionsHostKey,
  localGatewayConfigPath,
  localGatewayPort,
  localHelloPort,
  localHostPort,
  recipeDir,
  resolveTarget,
} from './src/support/target.js';

const target = resolveTarget();
const isCI = Boolean(process.env['CI']);
const tsx = 'npx tsx';

// Local mode: the Functions host runs the built recipe with key checks on, the gateway runs its policy.
const localStack: PlaywrightTestConfig['webServer'] = [
  {
    name: 'functions-host',
    command: `${tsx} ../../tools/functions-host/src/cli.ts start ${recipeDir} --port ${localHostPort} --auth`,
    url: `http://127.0.0.1:${localHostPort}/api/catalog/health`,
    env: { FUNCTIONS_HOST_KEY: localFunctionsHostKey, LOG_FORMAT: 'json' },
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
  },
  {
    name: 'hello-http-minimal',
    command: `${tsx} ../../tools/functions-host/src/cli.ts start ${helloRecipeDir} --port ${localHelloPort}`,
    url: `http://127.0.0.1:${localHelloPort}/api/hello`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
  },
  {
    name: 'apim-gateway',
    command: `${tsx} ../../tools/apim-gateway/src/cli.ts start --config ${localGatewayConfigPath} --port ${localGatewayPort}`,
    url: `http://127.0.0.1:${localGatewayPort}/.dev-issuer/.well-known/openid-configuration`,
    env: { FUNCTIONS_HOST_KEY: localFunctionsHostKey },
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
];

export default defineConfig({
  testDir: './src/specs',
  // *.local.spec.ts need the local stack (e.g. a gateway whose backend is down).
  testIgnore: target.mode === 'deployed' ? ['**/*.local.spec.ts'] : [],
  forbidOnly: isCI,
  retries: 0,
  // Cache and rate-limit assertions depend on request order within a file.
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: target.baseURL,
    trace: 'retain-on-failure',
  },
  webServer: target.mode === 'local' ? localStack : undefined,
});
