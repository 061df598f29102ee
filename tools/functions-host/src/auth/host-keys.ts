import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { isRecord, readJsonFile } from '../startup/read-json-file.js';
import { StartupError } from '../startup/startup-error.js';

/** Keys as configured by callers: every field optional, missing keys are generated. */
export interface HostKeysInput {
  master?: string;
  /** Host keys by name (any of them authorises `function` level for every function). */
  host?: Record<string, string>;
  /** Function keys by function name, then key name. */
  functions?: Record<string, Record<string, string>>;
}

export interface HostKeys {
  master: string;
  host: Record<string, string>;
  functions: Record<string, Record<string, string>>;
  /** Where the keys came from, printed in the banner. */
  source: string;
}

export const KEYS_FILE = '.local-keys.json';

/** A key in Azure's style: 40 random bytes, URL-safe base64. */
export function generateKey(): string {
  return randomBytes(40).toString('base64url');
}

/**
 * Resolves keys: explicit options win (the keys file is then left alone), then
 * FUNCTIONS_MASTER_KEY / FUNCTIONS_HOST_KEY, then `<appDir>/.local-keys.json`, which is created
 * (and extended with keys for new functions) as needed. The file only ever holds keys it
 * generated itself: keys from the environment are never written to disk.
 */
export async function resolveHostKeys(
  appDir: string,
  functionNames: string[],
  input: HostKeysInput | undefined,
  env: NodeJS.ProcessEnv,
): Promise<HostKeys> {
  const envMaster = env['FUNCTIONS_MASTER_KEY'] || undefined;
  const envHost = env['FUNCTIONS_HOST_KEY'] || undefined;
  if (input) {
    const keys: HostKeys = {
      master: input.master ?? envMaster ?? generateKey(),
      host: { ...input.host },
      functions: { ...input.functions },
      source: 'options',
    };
    addMissingKeys(keys, functionNames, envHost);
    return keys;
  }
  const path = join(appDir, KEYS_FILE);
  const fromFile = await readKeysFile(path);
  const stored: Omit<HostKeys, 'source'> = {
    master: fromFile?.master ?? generateKey(),
    host: { ...fromFile?.host },
    functions: { ...fromFile?.functions },
  };
  const changed = addMissingKeys(stored, functionNames, undefined) || !fromFile;
  if (changed) await writeKeysFile(path, stored);
  const keys: HostKeys = {
    master: envMaster ?? stored.master,
    host: { ...stored.host },
    functions: stored.functions,
    source: path,
  };
  if (envHost) keys.host['default'] = envHost;
  return keys;
}

/** Generates a host key and per-function keys where none exist; true when something was added. */
function addMissingKeys(
  keys: Omit<HostKeys, 'source'>,
  functionNames: string[],
  envHost: string | undefined,
): boolean {
  let added = false;
  if (envHost) keys.host['default'] = envHost;
  if (Object.keys(keys.host).length === 0) {
    keys.host['default'] = generateKey();
    added = true;
  }
  for (const name of functionNames) {
    if (!keys.functions[name] || Object.keys(keys.functions[name]).length === 0) {
      keys.functions[name] = { default: generateKey() };
      added = true;
    }
  }
  return added;
}

/** Writes a temporary 0600 file and renames it over the old one, so the result is always 0600. */
async function writeKeysFile(path: string, keys: Omit<HostKeys, 'source'>): Promise<void> {
  const file = { masterKey: keys.master, hostKeys: keys.host, functionKeys: keys.functions };
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new StartupError(`Cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

async function readKeysFile(path: string): Promise<Omit<HostKeys, 'source'> | undefined> {
  const json = await readJsonFile(path);
  if (json === undefined) return undefined;
  const invalid = (): StartupError =>
    new StartupError(
      `${path} must look like {"masterKey": "...", "hostKeys": {"default": "..."}, "functionKeys": {"<function>": {"default": "..."}}}. Fix it or delete it to regenerate.`,
    );
  if (!isRecord(json)) throw invalid();
  const { masterKey, hostKeys = {}, functionKeys = {} } = json;
  if (typeof masterKey !== 'string' || !isStringMap(hostKeys) || !isRecord(functionKeys)) {
    throw invalid();
  }
  const functions: Record<string, Record<string, string>> = {};
  for (const [name, value] of Object.entries(functionKeys)) {
    if (!isStringMap(value)) throw invalid();
    functions[name] = value;
  }
  return { master: masterKey, host: hostKeys, functions };
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string' && v !== '');
}
