import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import type { RunningGateway } from '../gateway/start-gateway.js';

export interface BannerInput {
  gateway: RunningGateway;
  /** The local-gateway.json the gateway runs, as given on the command line. */
  configPath: string;
  /** The file of this CLI, so the printed token command runs the same one. */
  cliFile: string;
  /** The folder the printed commands are meant to be pasted in (the current one). */
  cwd: string;
  /** Extra lines (e.g. the Functions host the stack started). */
  extra?: string[];
}

/** What `start` and `stack` print: URL, key, and a token command that works pasted where it says. */
export function banner(input: BannerInput): string {
  const { gateway } = input;
  const key = gateway.subscriptionKey;
  // npx runs commands in the nearest folder with a package.json, so paths are relative to that one
  const folder = packageFolder(input.cwd);
  return [
    '',
    `  Local APIM gateway listening on ${gateway.url}`,
    ...(input.extra ?? []).map((line) => `  ${line}`),
    `  Subscription key:  ${key ?? '(none configured)'}   (header Ocp-Apim-Subscription-Key)`,
    `  Dev token, from ${folder}:`,
    `    ${tokenCommand({ ...input, configPath: resolve(input.cwd, input.configPath), cwd: folder })}`,
    `  Dev issuer:        ${gateway.openIdConfigurationUrl}`,
    '',
    `  curl -H "Ocp-Apim-Subscription-Key: ${key ?? '<key>'}" -H "Authorization: Bearer $TOKEN" ${gateway.url}/...`,
    '',
  ].join('\n');
}

/** `TOKEN=$(npx tsx <cli> token --config <config>)` with both paths relative to `cwd`. */
export function tokenCommand(input: Pick<BannerInput, 'configPath' | 'cliFile' | 'cwd'>): string {
  const cli = relative(input.cwd, input.cliFile);
  const config = relative(input.cwd, resolve(input.cwd, input.configPath));
  return `TOKEN=$(npx tsx ${shellWord(cli)} token --config ${shellWord(config)})`;
}

/** The folder `npx` runs a command in when started from `cwd`: the nearest one with a package.json. */
export function packageFolder(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
