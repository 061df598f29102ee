import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { fixturePath } from '../testing/fixture-host.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const children: ChildProcess[] = [];

function run(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitFor(output: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 200; i += 1) {
    const match = output().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${pattern}. Output:\n${output()}`);
}

const exitCode = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', resolve));

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('cli start', () => {
  it('prints a func-start banner, serves requests, and runs appTerminate hooks on SIGTERM', async () => {
    const { child, output } = run(['start', fixturePath('hooks'), '--port', '0'], {
      HOOKS_FIXTURE_ANNOUNCE: '1',
    });
    const [, url] = await waitFor(output, /Host listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(output()).toMatch(/ {8}hooked: \[GET\] http:\/\/localhost:\d+\/api\/hooked/);
    const response = await fetch(`${url}/api/hooked`);
    expect(await response.text()).toBe('handler result');
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
    expect(output()).toContain('appTerminate hook ran');
  });

  it('refuses to start a bad app, naming the problem, with exit code 1', async () => {
    const { child, output } = run(['start', fixturePath('bad-duplicate')]);
    expect(await exitCode(child)).toBe(1);
    expect(output()).toMatch(
      /The host did not start: A function with the name "orders" was already registered/,
    );
  });
});

describe('cli bundle', () => {
  it('writes dist/main.js and reports its size', async () => {
    const { child, output } = run(['bundle', fixturePath('bundle-app')]);
    expect(await exitCode(child)).toBe(0);
    expect(output()).toMatch(/Bundled .*dist\/main\.js \(\d+\.\d KiB, \d+ ms\)/);
  });
});
