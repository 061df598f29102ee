import { readFile } from 'node:fs/promises';

/** App setting that overrides host.json's route prefix (double underscore = nesting). */
export const ROUTE_PREFIX_SETTING = 'AzureFunctionsJobHost__extensions__http__routePrefix';

/**
 * The route prefix the Functions host will use: the app setting if set, else host.json
 * `extensions.http.routePrefix`, else `api`. Pass it to `buildOpenApiDocument` so `servers`
 * matches the deployed URLs.
 *
 * @example const routePrefix = await readRoutePrefix('host.json');
 */
export async function readRoutePrefix(
  hostJsonPath: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const override = env[ROUTE_PREFIX_SETTING];
  if (override !== undefined) return override;
  let hostJson: unknown;
  try {
    hostJson = JSON.parse(await readFile(hostJsonPath, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the route prefix from ${hostJsonPath}: ${String(error)}`, {
      cause: error,
    });
  }
  const prefix = (hostJson as { extensions?: { http?: { routePrefix?: unknown } } } | null)
    ?.extensions?.http?.routePrefix;
  if (prefix === undefined) return 'api';
  if (typeof prefix !== 'string') {
    throw new Error(`${hostJsonPath}: extensions.http.routePrefix must be a string`);
  }
  return prefix;
}
