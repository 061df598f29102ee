import { afterEach, beforeEach, vi } from 'vitest';

import { type LocalStubs, startLocalStubs, TEST_SETTINGS } from './local-stubs.js';

/**
 * For one test file: fresh stubs before each test, and the app settings pointed at them. New URLs
 * mean new downstream clients, so no test inherits another's open circuit.
 */
export function useStubbedApp(settings: Record<string, string> = TEST_SETTINGS): {
  readonly stubs: LocalStubs;
} {
  let stubs: LocalStubs | undefined;
  beforeEach(async () => {
    stubs = await startLocalStubs();
    for (const [name, value] of Object.entries({ ...settings, ...stubs.env }))
      vi.stubEnv(name, value);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await stubs?.close();
  });
  return {
    get stubs(): LocalStubs {
      if (!stubs) throw new Error('the stubs start in beforeEach; use them inside tests');
      return stubs;
    },
  };
}
