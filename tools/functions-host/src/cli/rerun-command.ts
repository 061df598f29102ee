import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CliArgs } from './parse-cli-args.js';

const CLI_PATH = fileURLToPath(new URL('../cli.ts', import.meta.url));
// workspace libraries (e.g. @cookbook/route-template) resolve to their sources, which need no build
const SOURCE_CONDITION = '--conditions=@cookbook/source';

/**
 * A command that reruns the CLI with other options, and the folder to paste it in: the Nx target
 * when one of this tool's executors started us (from the workspace root), otherwise this CLI from
 * the current folder.
 */
export function rerunCommand(
  args: CliArgs,
  changes: Partial<Pick<CliArgs, 'port'>>,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): { folder: string; command: string } {
  const next = { ...args, ...changes };
  const flags = [
    ...(next.auth ? ['--auth'] : []),
    ...(next.func ? ['--func'] : []),
    ...(next.hostname === '127.0.0.1' ? [] : ['--host', next.hostname]),
    ...next.external.flatMap((name) => ['--external', name]),
    ...(next.drainTimeoutMs === 30_000
      ? []
      : ['--drain-timeout', String(next.drainTimeoutMs / 1000)]),
    '--port',
    String(next.port),
  ];
  // Set by this tool's Nx executors (executors/run-cli.cjs), not by any Nx task.
  const [project, target] = (env['FUNCTIONS_HOST_NX_TASK'] ?? '').split(':');
  const root = project && target ? workspaceRoot(cwd) : undefined;
  if (project && target && root) {
    return { folder: root, command: ['npx', 'nx', target, project, ...flags].join(' ') };
  }
  const cli = relative(cwd, CLI_PATH) || CLI_PATH;
  return {
    folder: cwd,
    command: [
      'npx',
      'tsx',
      SOURCE_CONDITION,
      cli,
      args.command ?? 'start',
      args.appDir ?? '.',
      ...flags,
    ]
      .map(quote)
      .join(' '),
  };
}

function workspaceRoot(from: string): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  return undefined;
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
