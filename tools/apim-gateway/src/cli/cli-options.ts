import { parseArgs } from 'node:util';

import { UsageError } from './usage-error.js';

export const DEFAULT_GATEWAY_PORT = 8080;
/** `func start`'s port, which the local Functions host also defaults to. */
export const DEFAULT_FUNCTIONS_PORT = 7071;

/** String options only: a value, or a list for `multiple: true`. */
type Options = Record<string, { type: 'string'; multiple?: boolean }>;
export type OptionValues<T extends Options> = {
  [K in keyof T]?: T[K] extends { multiple: true } ? string[] : string;
};

/** parseArgs that turns its errors into usage errors and refuses a single-valued option given twice. */
export function parseOptions<T extends Options>(args: string[], options: T): OptionValues<T> {
  let parsed;
  try {
    parsed = parseArgs({ args, options, tokens: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  for (const [name, option] of Object.entries(options)) {
    if (option.multiple) continue;
    const given = parsed.tokens.filter((t) => t.kind === 'option' && t.name === name);
    if (given.length > 1) {
      throw new UsageError(`--${name} was given ${given.length} times; pass it once`);
    }
  }
  return parsed.values as OptionValues<T>;
}

/** A port from the flag, else the environment variable, else the default; 0 means any free port. */
export function portOption(
  flag: string,
  value: string | undefined,
  envName: string,
  env: Record<string, string | undefined>,
  fallback: number,
): number {
  const raw = value ?? env[envName] ?? String(fallback);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) {
    const source = value === undefined && env[envName] !== undefined ? envName : `--${flag}`;
    throw new UsageError(`${source} must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** `--backend id=url` pairs as a map of backend URLs by id. */
export function backendOption(pairs: readonly string[]): Record<string, string> {
  const backends: Record<string, string> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index <= 0) throw new UsageError(`--backend expects <backend id>=<url>, got "${pair}"`);
    backends[pair.slice(0, index)] = pair.slice(index + 1);
  }
  return backends;
}

export function secondsOption(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`--${flag} must be a number of seconds (0 or more), got "${value}"`);
  }
  return seconds * 1000;
}

/** A size in MiB (e.g. --max-request-body 1024), returned in bytes. */
export function mebibytesOption(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback * 1024 * 1024;
  const mebibytes = Number(value);
  if (!Number.isFinite(mebibytes) || mebibytes <= 0) {
    throw new UsageError(`--${flag} must be a size in MiB (more than 0), got "${value}"`);
  }
  return Math.floor(mebibytes * 1024 * 1024);
}
