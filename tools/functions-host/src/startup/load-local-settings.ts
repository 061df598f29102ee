import { join } from 'node:path';

import { isRecord, readJsonFile } from './read-json-file.js';
import { StartupError } from './startup-error.js';

/**
 * Copies `local.settings.json` `Values` into process.env like Core Tools: real environment
 * variables win. Returns the names it set so the host can remove them again on close.
 */
export async function loadLocalSettings(
  appDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const path = join(appDir, 'local.settings.json');
  const json = await readJsonFile(path);
  if (json === undefined) return [];
  const values = isRecord(json) ? json['Values'] : undefined;
  if (values === undefined) return [];
  if (!isRecord(values)) throw new StartupError(`${path}: "Values" must be an object of strings.`);
  const applied: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (env[name] !== undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new StartupError(`${path}: Values.${name} must be a string.`);
    }
    env[name] = String(value);
    applied.push(name);
  }
  return applied;
}
