import { createLocalHost, type HostLogEntry, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { devKeys, recipeDir } from './dev-keys.js';

export interface AuthHost {
  /** The built recipe on the local host, keys enforced; ready inside tests. */
  readonly host: LocalHost;
  /** Host log entries of the current test (cleared before each test). */
  readonly logs: HostLogEntry[];
}

/** For one test file: starts the recipe with its dev keys enforced and collects its logs per test. */
export function useAuthHost(): AuthHost {
  let host: LocalHost | undefined;
  const logs: HostLogEntry[] = [];
  beforeAll(async () => {
    host = await createLocalHost(recipeDir, {
      auth: true,
      keys: devKeys,
      env: { LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
      log: (entry) => logs.push(entry),
    });
  });
  afterAll(() => host?.close());
  beforeEach(() => {
    logs.length = 0;
  });
  return {
    get host(): LocalHost {
      if (!host) throw new Error('the host starts in beforeAll; use it inside tests');
      return host;
    },
    logs,
  };
}

/** A GET to the host's `api` prefix with the given headers. */
export function apiRequest(pathAndQuery: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:7071/api/${pathAndQuery}`, { headers });
}
