import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { type GatewayConfigInput, type RunningGateway, startGateway } from '@cookbook/apim-gateway';

import { expect, test } from '../fixtures.js';
import { expectProblem } from '../support/expect-problem.js';
import { localFunctionsHostKey, localGatewayConfigPath } from '../support/local-recipes.js';
import { apimRecipe } from '../support/target.js';

const configPath = localGatewayConfigPath(apimRecipe);

// A second gateway with the recipe's real policy, its backend pointed at a closed port.
let downGateway: RunningGateway;

test.beforeAll(async () => {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as GatewayConfigInput;
  config.backends = (config.backends ?? []).map((backend) => ({
    ...backend,
    url: 'http://127.0.0.1:9/api',
  }));
  downGateway = await startGateway({
    config,
    baseDir: dirname(configPath),
    env: { FUNCTIONS_HOST_KEY: localFunctionsHostKey },
  });
});

test.afterAll(async () => {
  await downGateway.close();
});

test('an unreachable backend becomes a 5xx problem envelope with the correlation id', async ({
  playwright,
  target,
}) => {
  const client = await playwright.request.newContext({ baseURL: downGateway.url });
  const response = await client.get('/api/catalog/42', {
    headers: {
      'Ocp-Apim-Subscription-Key': target.subscriptionKey,
      Authorization: `Bearer ${await downGateway.mintToken()}`,
      'x-correlation-id': 'e2e-backend-down',
    },
  });
  expect(response.status()).toBeGreaterThanOrEqual(500);
  const body = await expectProblem(response, response.status());
  expect(body.correlationId).toBe('e2e-backend-down');
  await client.dispose();
});
