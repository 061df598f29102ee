import { join } from 'node:path';

import { isRecord, readJsonFile } from './read-json-file.js';
import { StartupError } from './startup-error.js';
import { formatTimeSpan, parseTimeSpan } from './time-span.js';

export interface HostSettings {
  routePrefix: string;
  customHeaders: Record<string, string>;
  /** `functionTimeout` in ms; undefined = unbounded (`-1`). */
  functionTimeoutMs: number | undefined;
  /** How the host prints the timeout (`00:30:00`). */
  functionTimeoutText: string;
  /** `extensions.http.maxOutstandingRequests`; -1 = unbounded. */
  maxOutstandingRequests: number;
  /** `extensions.http.maxConcurrentRequests`; -1 = unbounded. */
  maxConcurrentRequests: number;
  dynamicThrottlesEnabled: boolean;
}

// App settings override host.json like the host's configuration: AzureFunctionsJobHost__<path>.
const OVERRIDE = 'AzureFunctionsJobHost__';
const ROUTE_PREFIX_ENV = `${OVERRIDE}extensions__http__routePrefix`;
/** Flex Consumption's default (ScriptJobHostOptionsSetup.DefaultFunctionTimeout); it has no maximum. */
export const FLEX_DEFAULT_FUNCTION_TIMEOUT_MS: number = 30 * 60_000;
const MIN_FUNCTION_TIMEOUT_MS = 1000;
const TIMESPAN_MAX = '10675199.02:48:05.4775807';

/** Reads host.json like the host: v2 schema, `extensions.http` settings, env override for the prefix. */
export async function readHostJson(
  appDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HostSettings> {
  const path = join(appDir, 'host.json');
  const json = await readJsonFile(path);
  if (json === undefined) {
    throw new StartupError(
      `No host.json in ${appDir}. Every Functions app needs one: create it with {"version": "2.0"}.`,
    );
  }
  if (!isRecord(json) || json['version'] !== '2.0') {
    throw new StartupError(`${path} must be an object with "version": "2.0" (the v2 host schema).`);
  }
  const http = isRecord(json['extensions']) ? json['extensions']['http'] : undefined;
  const httpSettings = isRecord(http) ? http : {};
  const configuredPrefix = env[ROUTE_PREFIX_ENV] ?? httpSettings['routePrefix'] ?? 'api';
  if (typeof configuredPrefix !== 'string') {
    throw new StartupError(
      `${path}: extensions.http.routePrefix must be a string (use "" for none).`,
    );
  }
  const customHeaders: Record<string, string> = {};
  const configuredHeaders = httpSettings['customHeaders'];
  if (configuredHeaders !== undefined) {
    if (!isRecord(configuredHeaders)) {
      throw new StartupError(
        `${path}: extensions.http.customHeaders must map header names to strings.`,
      );
    }
    for (const [name, value] of Object.entries(configuredHeaders)) {
      if (typeof value !== 'string') {
        throw new StartupError(`${path}: extensions.http.customHeaders.${name} must be a string.`);
      }
      customHeaders[name.toLowerCase()] = value;
    }
  }
  const httpSetting = (name: string): [string, unknown] =>
    setting(
      path,
      `extensions.http.${name}`,
      env[`${OVERRIDE}extensions__http__${name}`],
      httpSettings[name],
    );
  return {
    routePrefix: configuredPrefix.trim().replace(/^\/+|\/+$/g, ''),
    customHeaders,
    ...readFunctionTimeout(
      ...setting(
        path,
        'functionTimeout',
        env[`${OVERRIDE}functionTimeout`],
        json['functionTimeout'],
      ),
    ),
    maxOutstandingRequests: readQueueLimit(...httpSetting('maxOutstandingRequests')),
    maxConcurrentRequests: readQueueLimit(...httpSetting('maxConcurrentRequests')),
    dynamicThrottlesEnabled: httpSettings['dynamicThrottlesEnabled'] === true,
  };
}

/** The value and where it came from (for error messages): an app setting wins over host.json. */
function setting(
  path: string,
  name: string,
  fromEnv: string | undefined,
  fromFile: unknown,
): [string, unknown] {
  if (fromEnv !== undefined) {
    return [`App setting ${OVERRIDE}${name.replaceAll('.', '__')}`, fromEnv];
  }
  return [`${path}: ${name}`, fromFile];
}

function readFunctionTimeout(
  source: string,
  value: unknown,
): Pick<HostSettings, 'functionTimeoutMs' | 'functionTimeoutText'> {
  if (value === undefined || value === null) {
    const ms = FLEX_DEFAULT_FUNCTION_TIMEOUT_MS;
    return { functionTimeoutMs: ms, functionTimeoutText: formatTimeSpan(ms) };
  }
  const text = typeof value === 'number' ? String(value) : value;
  if (text === '-1') return { functionTimeoutMs: undefined, functionTimeoutText: 'unbounded' };
  const ms = typeof text === 'string' ? parseTimeSpan(text) : undefined;
  if (ms === undefined) {
    throw new StartupError(
      `${source} must be a TimeSpan such as "00:05:00" (hh:mm:ss), or "-1" for no limit; got ${JSON.stringify(value)}.`,
    );
  }
  if (ms < MIN_FUNCTION_TIMEOUT_MS) {
    // The host's own message (ScriptJobHostOptionsSetup); Flex Consumption has no maximum.
    throw new StartupError(
      `${source}: FunctionTimeout must be greater than 00:00:01 and less than ${TIMESPAN_MAX}.`,
    );
  }
  return { functionTimeoutMs: ms, functionTimeoutText: formatTimeSpan(ms) };
}

function readQueueLimit(source: string, value: unknown): number {
  if (value === undefined) return -1;
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (number === -1 || (typeof number === 'number' && Number.isInteger(number) && number > 0)) {
    return number;
  }
  // The host fails too: the request queue's DataflowBlockOptions reject 0 and other negatives.
  throw new StartupError(
    `${source} must be a whole number of requests (1 or more), or -1 for unbounded; got ${JSON.stringify(value)}.`,
  );
}
