import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
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
 * (and extended with keys for new functions) as needed.
 */
export async function resolveHostKeys(
  appDir: string,
  functionNames: string[],
  input: HostKeysInput | undefined,
  env: NodeJS.ProcessEnv,
): Promise<HostKeys> {
  const path = join(appDir, KEYS_FILE);
  const fromFile = input ? undefined : await readKeysFile(path);
  const keys: HostKeys = {
    master: input?.master ?? env['FUNCTIONS_MASTER_KEY'] ?? fromFile?.master ?? generateKey(),
    host: { ...(fromFile?.host ?? {}), ...(input?.host ?? {}) },
    functions: { ...(fromFile?.functions ?? {}), ...(input?.functions ?? {}) },
    source: input ? 'options' : path,
  };
  if (env['FUNCTIONS_HOST_KEY']) keys.host['default'] = env['FUNCTIONS_HOST_KEY'];
  if (Object.keys(keys.host).length === 0) keys.host['default'] = generateKey();
  let changed = !fromFile;
  for (const name of functionNames) {
    if (!keys.functions[name] || Object.keys(keys.functions[name]).length === 0) {
      keys.functions[name] = { default: generateKey() };
      changed = true;
    }
  }
  if (!input && changed) {
    const file = {
      masterKey: fromFile?.master ?? keys.master,
      hostKeys: fromFile?.host ?? keys.host,
      functionKeys: keys.functions,
    };
    await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  }
  return keys;
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
