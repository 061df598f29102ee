import { createLocalHost, type HostLogEntry, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { recipeDir, TEST_ENV, TEST_HOST_KEY } from './catalog-host-settings.js';

export interface CatalogHost {
  /** The built recipe on the local host, keys enforced; ready inside tests. */
  readonly host: LocalHost;
  /** Host log entries of the current test (cleared before each test). */
  readonly logs: HostLogEntry[];
  /** Host log entries written while the host started (banner, warnings). */
  readonly startupLogs: readonly HostLogEntry[];
}

export interface CatalogHostOptions {
  /** Function keys by function name, next to the test host key. */
  readonly functionKeys?: Readonly<Record<string, string>>;
}

/** For one test file: starts the recipe with the test host key and collects its logs per test. */
export function useCatalogHost(options: CatalogHostOptions = {}): CatalogHost {
  let host: LocalHost | undefined;
  const logs: HostLogEntry[] = [];
  const startupLogs: HostLogEntry[] = [];
  beforeAll(async () => {
    const functions = Object.fromEntries(
      Object.entries(options.functionKeys ?? {}).map(([name, key]) => [name, { default: key }]),
    );
    host = await createLocalHost(recipeDir, {
      auth: true,
      keys: { host: { default: TEST_HOST_KEY }, functions },
      env: TEST_ENV,
      log: (entry) => logs.push(entry),
    });
    startupLogs.push(...logs);
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
    startupLogs,
  };
}
