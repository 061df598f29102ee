import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The app setting Azure passes to the Node worker's command line (Linux spelling). */
export const NODE_ARGUMENTS_SETTING = 'languageWorkers__node__arguments';

// .NET configuration: `__` in an environment variable name is `:`, and keys ignore case.
const CONFIG_KEY = 'languageworkers:node:arguments';

function isNodeArgumentsKey(name: string): boolean {
  return name.replaceAll('__', ':').toLowerCase() === CONFIG_KEY;
}

function findSetting(values: Readonly<Record<string, unknown>>): string | undefined {
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (isNodeArgumentsKey(name) && typeof value === 'string') return value;
  }
  return undefined;
}

async function readLocalSettingsValue(appDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(appDir, 'local.settings.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const values = (JSON.parse(text) as { Values?: unknown } | null)?.Values;
    return typeof values === 'object' && values !== null
      ? findSetting(values as Record<string, unknown>)
      : undefined;
  } catch {
    // the host reports a malformed local.settings.json itself when it loads the app
    return undefined;
  }
}

/**
 * Azure's worker command line from the setting's text: `%NAME%` expanded from the environment
 * and unset ones removed (DefaultWorkerProcessFactory), then split on whitespace
 * (RpcWorkerConfigFactory.AddArgumentsFromAppSettings: `Regex.Split(value, @"\s+")`).
 */
export function splitNodeArguments(value: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const expanded = value.replace(/%([^%]+)%/g, (_match, name: string) => env[name] ?? '');
  return expanded.split(/\s+/).filter((argument) => argument !== '');
}

/**
 * The Node arguments the Functions host would start the worker with: the
 * `languageWorkers:node:arguments` app setting from the environment, else from
 * local.settings.json `Values` (Core Tools turns those into environment variables; real ones win).
 */
export async function readNodeArguments(
  appDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const value = findSetting(env) ?? (await readLocalSettingsValue(appDir));
  return value === undefined ? [] : splitNodeArguments(value, env);
}

/** The arguments this process was not started with. */
export function missingNodeArguments(
  wanted: readonly string[],
  execArgv: readonly string[] = process.execArgv,
): string[] {
  return wanted.filter((argument) => !execArgv.includes(argument));
}
