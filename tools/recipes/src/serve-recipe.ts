import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { KEYS_FILE } from '@cookbook/functions-host';

import type { Recipe } from './read-recipes.js';
import { startServices } from './services/start-services.js';

/** Writes the recipe's fixed dev keys (metadata `local.keys`) where the host reads local keys, so its page's curl lines work. */
export function writeDevKeys(recipe: Recipe): void {
  const { keys } = recipe.metadata.local;
  if (!keys) return;
  const file = join(recipe.dir, KEYS_FILE);
  const content = {
    masterKey: keys.master ?? randomBytes(40).toString('base64url'),
    hostKeys: keys.host ?? {},
    functionKeys: keys.functions ?? {},
  };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  // mode only applies to a new file; an older, wider one is narrowed
  chmodSync(file, 0o600);
}

/** `nx serve` for a recipe with local services: start them, then the functions-host `serve` pointed at them. */
export async function serveRecipe(recipe: Recipe, hostArgs: readonly string[]): Promise<number> {
  writeDevKeys(recipe);
  const services = await startServices(recipe);
  const hostCli = join(
    dirname(fileURLToPath(import.meta.resolve('@cookbook/functions-host/package.json'))),
    'src/cli.ts',
  );
  const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
  const child = spawn(
    process.execPath,
    [tsx, '--conditions=@cookbook/source', hostCli, 'serve', recipe.dir, ...hostArgs],
    {
      stdio: 'inherit',
      env: { ...process.env, ...services.env },
    },
  );
  // Ctrl+C reaches the host through the terminal; a plain SIGTERM to this process is passed on
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (exitCode) => resolve(exitCode ?? 1)),
  );
  process.off('SIGTERM', forward);
  await services.close();
  return code;
}
