import { resolve } from 'node:path';

/** The recipe folder the local host loads (package.json#main → dist/main.js). */
export const recipeDir: string = resolve(import.meta.dirname, '../..');

/** Host key the tests configure; APIM sends the deployed equivalent as x-functions-key. */
export const TEST_HOST_KEY = 'test-host-key-7b0e4f2a9c1d';

/** App settings for tests: JSON logs at info, like Azure. */
export const TEST_ENV: Record<string, string> = { LOG_FORMAT: 'json', LOG_LEVEL: 'info' };

/** A request to the host's `api` prefix, with the host key unless `withKey` is false. */
export function catalogRequest(
  path: string,
  headers: Record<string, string> = {},
  withKey = true,
): Request {
  return new Request(`http://localhost:7071/api/${path}`, {
    headers: { ...(withKey ? { 'x-functions-key': TEST_HOST_KEY } : {}), ...headers },
  });
}
