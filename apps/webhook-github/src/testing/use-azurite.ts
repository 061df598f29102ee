import { afterAll, beforeAll } from 'vitest';

import { type RunningAzurite, startAzurite } from './start-azurite.js';

/** Runs Azurite for the calling test file and points `AzureWebJobsStorage` at it, as `nx serve` does. */
export function useAzurite(): { connectionString(): string } {
  let azurite: RunningAzurite | undefined;
  let previous: string | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
    previous = process.env['AzureWebJobsStorage'];
    process.env['AzureWebJobsStorage'] = azurite.connectionString;
  }, 120_000);
  afterAll(async () => {
    if (previous === undefined) delete process.env['AzureWebJobsStorage'];
    else process.env['AzureWebJobsStorage'] = previous;
    await azurite?.close();
  }, 60_000);
  return {
    connectionString: () => {
      if (!azurite) throw new Error('Azurite is not running yet (use it inside a test)');
      return azurite.connectionString;
    },
  };
}
