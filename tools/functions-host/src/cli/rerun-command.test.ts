import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { parseCliArgs } from './parse-cli-args.js';
import { rerunCommand } from './rerun-command.js';

const hostRoot = fileURLToPath(new URL('../..', import.meta.url));
const workspaceRoot = resolve(hostRoot, '../..');

describe('printed commands work when pasted in the folder they name', () => {
  it('without Nx: the CLI path and app folder are relative to the folder named', () => {
    const cwd = join(workspaceRoot, 'apps');
    const { folder, command } = rerunCommand(
      parseCliArgs(['serve', '../tools/functions-host/test-fixtures/hello', '--auth']),
      { port: 7072 },
      {},
      cwd,
    );
    expect(folder).toBe(cwd);
    const [npx, tsx, condition, cli, verb, app, ...flags] = command.split(' ');
    expect([npx, tsx, condition, verb]).toEqual([
      'npx',
      'tsx',
      '--conditions=@cookbook/source',
      'serve',
    ]);
    expect(existsSync(resolve(folder, cli ?? ''))).toBe(true);
    expect(existsSync(resolve(folder, app ?? '', 'package.json'))).toBe(true);
    expect(flags).toEqual(['--auth', '--port', '7072']);
  });

  it('another Nx task (nx test) running the CLI is not mistaken for the recipe target', () => {
    const { command } = rerunCommand(
      parseCliArgs(['start', '.']),
      { port: 7072 },
      { NX_TASK_TARGET_PROJECT: 'functions-host', NX_TASK_TARGET_TARGET: 'test' },
      join(workspaceRoot, 'apps/hello-http-minimal'),
    );
    expect(command).toMatch(
      /^npx tsx --conditions=@cookbook\/source \S+cli\.ts start \. --port 7072$/,
    );
  });

  it('under the serve/start executors: the Nx target, from the workspace root', () => {
    const { folder, command } = rerunCommand(
      parseCliArgs(['serve', '.', '--auth']),
      { port: 7072 },
      { FUNCTIONS_HOST_NX_TASK: 'hello-http-minimal:serve' },
      join(workspaceRoot, 'apps/hello-http-minimal'),
    );
    expect(folder).toBe(workspaceRoot);
    expect(existsSync(join(folder, 'nx.json'))).toBe(true);
    expect(command).toBe('npx nx serve hello-http-minimal --auth --port 7072');
  });

  it('paths with spaces are quoted for the shell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rerun command '));
    try {
      const { command } = rerunCommand(parseCliArgs(['start', 'my app']), { port: 1 }, {}, dir);
      expect(command).toContain(" start 'my app' --port 1");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
