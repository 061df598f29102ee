import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, 'cli.ts');
const CONFIG = resolve(import.meta.dirname, '../test-fixtures/cli/local-gateway.json');
const run = promisify(execFile);
const tsxArgs = (...args: string[]): string[] => ['--import', 'tsx', CLI, ...args];

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

function startCli(): Promise<{ url: string; banner: string }> {
  return new Promise((resolveStart, reject) => {
    child = spawn(process.execPath, tsxArgs('start', '--config', CONFIG, '--port', '0'), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let banner = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(banner);
      if (match && banner.includes('Dev token')) resolveStart({ url: match[1] as string, banner });
    });
    child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${banner}`)));
  });
}

describe('cli', { timeout: 60_000 }, () => {
  it('start prints URL, key and token hint; token mints a JWT the running gateway accepts', async () => {
    const { url, banner } = await startCli();
    expect(banner).toContain('Subscription key:  cli-subscription-key');
    expect(banner).toContain(`token --config ${CONFIG}`);
    const { stdout } = await run(
      process.execPath,
      tsxArgs('token', '--config', CONFIG, '--claim', 'roles=reader', '--claim', 'roles=writer'),
    );
    const token = stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const response = await fetch(`${url}/api/health`, {
      headers: {
        'Ocp-Apim-Subscription-Key': 'cli-subscription-key',
        Authorization: `Bearer ${token}`,
      },
    });
    expect([response.status, await response.text()]).toEqual([200, 'reader,writer']);
    const { stdout: otherAudience } = await run(
      process.execPath,
      tsxArgs('token', '--config', CONFIG, '--aud', 'api://other'),
    );
    const rejected = await fetch(`${url}/api/health`, {
      headers: {
        'Ocp-Apim-Subscription-Key': 'cli-subscription-key',
        Authorization: `Bearer ${otherAudience.trim()}`,
      },
    });
    expect(rejected.status).toBe(401);
  });

  it('a config error exits 1 with the message and no stack trace', async () => {
    const failure = await run(
      process.execPath,
      tsxArgs('start', '--config', resolve(import.meta.dirname, '../test-fixtures/missing.json')),
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /^apim-gateway: .*missing\.json: cannot read config/,
    );
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
