import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

import {
  localFunctionsHostKey,
  localGatewayUrl,
  localHostUrl,
  localPorts,
  recipes,
} from './src/support/local-recipes.js';
import { selectedRecipes, specPatterns } from './src/support/recipe-filter.js';
import { resolveTarget } from './src/support/target.js';

const target = resolveTarget();
const isCI = Boolean(process.env['CI']);
// E2E_RECIPES=a,b: start and test only those recipes (ports stay as allocated for all of them).
const only = selectedRecipes(recipes.map((recipe) => recipe.name));

// Local mode: every recipe of the registry on its allocated ports; a recipe behind APIM gets its
// local gateway in front and its host enforces keys, so the gateway must send the host key as APIM does.
const started = only ? recipes.filter((recipe) => only.includes(recipe.name)) : recipes;
const localStack: PlaywrightTestConfig['webServer'] = started.map((recipe) => {
  const ports = localPorts(recipe.name);
  const apim = ports.gateway !== undefined;
  const flags = [`--host-port ${ports.host}`, `--host-key ${localFunctionsHostKey}`];
  if (apim) flags.push(`--gateway-port ${ports.gateway}`, '--auth');
  return {
    name: recipe.name,
    command: `npx tsx --conditions=@cookbook/source ../../tools/recipes/src/cli.ts stack ${recipe.name} ${flags.join(' ')}`,
    url: apim
      ? `${localGatewayUrl(recipe.name)}/.dev-issuer/.well-known/openid-configuration`
      : `${localHostUrl(recipe.name)}${recipe.metadata.local.readyPath}`,
    env: { LOG_FORMAT: 'json' },
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
  };
});

export default defineConfig({
  testDir: './src/specs',
  ...(only ? { testMatch: specPatterns(only) } : {}),
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
