import { join } from 'node:path';

import { isRecord, readJsonFile } from './read-json-file.js';
import { StartupError } from './startup-error.js';

export interface HostSettings {
  routePrefix: string;
  customHeaders: Record<string, string>;
}

const ROUTE_PREFIX_ENV = 'AzureFunctionsJobHost__extensions__http__routePrefix';

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
  return { routePrefix: configuredPrefix.trim().replace(/^\/+|\/+$/g, ''), customHeaders };
}
