import { execFileSync } from 'node:child_process';

import { workspaceRoot } from './workspace-root.js';

/** Projects Nx marks affected when the given files change (no git changes needed). */
export function affectedProjects(files: string[]): string[] {
  const output = execFileSync(
    'npx',
    ['nx', 'show', 'projects', '--affected', `--files=${files.join(',')}`, '--json'],
    {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  return (JSON.parse(output) as string[]).sort();
}

/** All projects, optionally only those carrying a tag. */
export function listProjects(tag?: string): string[] {
  const args = ['nx', 'show', 'projects', '--json'];
  if (tag) args.push(`--projects=tag:${tag}`);
  const output = execFileSync('npx', args, {
    cwd: workspaceRoot,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  });
  return (JSON.parse(output) as string[]).sort();
}
