import { type APIRequestContext, test as base } from '@playwright/test';

import { type E2eTarget, resolveTarget } from './support/target.js';
import { type TokenSet, tokensFor } from './support/tokens.js';

interface WorkerFixtures {
  target: E2eTarget;
  tokens: TokenSet;
}

interface TestFixtures {
  /** Calls the gateway as a well-behaved client: subscription key and a valid bearer token. */
  api: APIRequestContext;
  /** Calls the gateway with nothing attached, for the negative paths. */
  anonymous: APIRequestContext;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  target: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(resolveTarget());
    },
    { scope: 'worker' },
  ],
  tokens: [
    async ({ target }, use) => {
      await use(await tokensFor(target));
    },
    { scope: 'worker' },
  ],
  api: async ({ playwright, target, tokens }, use) => {
    const context = await playwright.request.newContext({
      baseURL: target.baseURL,
      extraHTTPHeaders: {
        'Ocp-Apim-Subscription-Key': target.subscriptionKey,
        Authorization: `Bearer ${tokens.valid}`,
      },
    });
    await use(context);
    await context.dispose();
  },
  anonymous: async ({ playwright, target }, use) => {
    const context = await playwright.request.newContext({ baseURL: target.baseURL });
    await use(context);
    await context.dispose();
  },
});

export { expect } from '@playwright/test';
