import { createLocalHost, type HostLogEntry, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { recipeDir, TEST_ENV, TEST_HOST_KEY } from './catalog-host-settings.js';

export interface CatalogHost {
  /** The built recipe on the local host, keys enforced; ready inside tests. */
  readonly host: LocalHost;
  /** Host log entries of the current test (cleared before each test). */
  readonly logs: HostLogEntry[];
}

/** For one test file: starts the recipe with the test host key and collects its logs per test. */
export function useCatalogHost(): CatalogHost {
  let host: LocalHost | undefined;
  const logs: HostLogEntry[] = [];
  beforeAll(async () => {
    host = await createLocalHost(recipeDir, {
      auth: true,
      keys: { host: { default: TEST_HOST_KEY } },
      env: TEST_ENV,
      log: (entry) => logs.push(entry),
    });
  });
  afterAll(() => host?.close());
  beforeEach(() => {
    logs.length = 0;
  });
  return {
    get host(): LocalHost {
      if (!host) throw new Error('the catalog host starts in beforeAll; use it inside tests');
      return host;
    },
    logs,
  };
}
