import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { execArgvFromAnywhere } from './exec-argv.js';

const CLI_PATH = fileURLToPath(new URL('../cli.ts', import.meta.url));
/** Set in the relaunched process, so it never relaunches again. */
export const RELAUNCHED_ENV = 'FUNCTIONS_HOST_NODE_ARGUMENTS_APPLIED';

/**
 * Runs this CLI again in a Node process started with `nodeArguments` first, as the Functions host
 * starts the worker (`node <languageWorkers:node:arguments> worker.js`), and mirrors its exit.
 * The child gets its own process group, so a Ctrl+C reaches it once (forwarded from here); it
 * also stops when this process goes away (IPC disconnect).
 */
export function relaunchWithNodeArguments(
  nodeArguments: readonly string[],
  cliArgs: readonly string[],
): Promise<number> {
  const child = spawn(
    process.execPath,
    [...nodeArguments, ...execArgvFromAnywhere(), CLI_PATH, ...cliArgs],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: { ...process.env, [RELAUNCHED_ENV]: nodeArguments.join(' ') },
    },
  );
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}
