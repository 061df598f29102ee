import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { copyFixture, fixturePath } from '../testing/fixture-host.js';

// bundle and serve write dist/: they work on a copy, never in the source tree
const bundleApp = copyFixture('bundle-app');

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const children: ChildProcess[] = [];

function run(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['--conditions=@cookbook/source', '--import', 'tsx', cli, ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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

afterAll(() => bundleApp.remove());

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

  it('serves an HTTP-streams app (app.setup({ enableHttpStream: true })) instead of refusing it', async () => {
    const { child, output } = run(['start', fixturePath('streams'), '--port', '0']);
    const [, url] = await waitFor(output, /Host listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('testName-chunked'));
        controller.close();
      },
    });
    const response = await fetch(`${url}/api/helloWorld`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await response.text()).toBe('Hello, testName-chunked!');
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
  });

  it('refuses to start a bad app, naming the problem, with exit code 1', async () => {
    const { child, output } = run(['start', fixturePath('bad-duplicate')]);
    expect(await exitCode(child)).toBe(1);
    expect(output()).toMatch(
      /The host did not start: A function with the name "orders" was already registered/,
    );
  });
});

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('cli: truthful exits', () => {
  it('start on a busy port exits 3 and names the fix (--port, a free port, the folder to run it from)', async () => {
    const { port, server } = await occupiedPort();
    try {
      const { child, output } = run(['start', fixturePath('hello'), '--port', String(port)]);
      expect(await exitCode(child)).toBe(3);
      expect(output()).toMatch(new RegExp(`Port ${port} is in use`));
      expect(output()).toMatch(
        /use another port with --port N[\s\S]*From \/.+:\n {2}npx tsx --conditions=@cookbook\/source \S+ start \S+ --port \d+/,
      );
    } finally {
      server.close();
    }
  });

  it('serve on a busy port exits 3 at once instead of watching on', async () => {
    const { port, server } = await occupiedPort();
    try {
      const { child, output } = run(['serve', bundleApp.dir, '--port', String(port)]);
      expect(await exitCode(child)).toBe(3);
      expect(output()).toMatch(new RegExp(`Port ${port} is in use`));
      expect(output()).not.toContain('[serve] bundle ready');
    } finally {
      server.close();
    }
  });

  it('serve --func without Core Tools on PATH exits 1 with what to do', async () => {
    const { child, output } = run(['serve', bundleApp.dir, '--func'], {
      PATH: dirname(process.execPath),
    });
    expect(await exitCode(child)).toBe(1);
    expect(output()).toContain('--func needs Azure Functions Core Tools ("func") on PATH');
  });

  it('SIGTERM: no new connections, the in-flight request finishes, then appTerminate hooks, exit 0', async () => {
    const { child, output } = run(['start', fixturePath('faults'), '--port', '0'], {
      FAULTS_FIXTURE_ANNOUNCE: '1',
    });
    const [, url] = await waitFor(output, /Host listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const inFlight = fetch(`${url}/api/slow?ms=600`);
    await waitFor(output, /Executing 'Functions\.slow'/);
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('slow done after 600 ms');
    expect(await exitCode(child)).toBe(0);
    expect(output()).toMatch(
      /Received SIGTERM: no longer accepting connections; waiting up to 30 s for 1 in-flight request\(s\)[\s\S]*Executed 'Functions\.slow' \(Succeeded[\s\S]*appTerminate hook ran/,
    );
  });

  it('a usage error prints the usage with a command that works from the workspace root', async () => {
    const { child, output } = run(['start', '.', '--port', '1', '--port', '2']);
    expect(await exitCode(child)).toBe(1);
    expect(output()).toContain('--port was given 2 times');
    expect(output()).toContain(
      'Usage (from the workspace root): npx tsx --conditions=@cookbook/source tools/functions-host/src/cli.ts',
    );
  });
});

describe('cli bundle', () => {
  it('writes dist/main.js and reports its size', async () => {
    const { child, output } = run(['bundle', bundleApp.dir]);
    expect(await exitCode(child)).toBe(0);
    expect(output()).toMatch(/Bundled .*dist\/main\.js \(\d+\.\d KiB, \d+ ms\)/);
  });
});

describe('cli serve', () => {
  it('bundles, starts the host, and rebuilds + restarts when a library the app imports changes', async () => {
    const { dir: workDir, remove } = copyFixture('bundle-app');
    try {
      const { child, output } = run(['serve', workDir, '--port', '0']);
      const [, firstUrl] = await waitFor(output, /Host listening on (http:\/\/127\.0\.0\.1:\d+)/);
      expect(await (await fetch(`${firstUrl}/api/greet?name=Ada`)).text()).toBe(
        'Hi Ada, from the library source',
      );

      const lib = join(workDir, 'node_modules/@fixture/greeting/src/index.ts');
      writeFileSync(
        lib,
        readFileSync(lib, 'utf8').replace('from the library source', 'after an edit'),
      );
      await waitFor(
        output,
        /\[serve\] rebuilt: restarting the host[\s\S]*Host listening on http:\/\/127\.0\.0\.1:\d+/,
      );
      const urls = [...output().matchAll(/Host listening on (http:\/\/127\.0\.0\.1:\d+)/g)];
      const latest = urls.at(-1)?.[1] ?? '';
      expect(await (await fetch(`${latest}/api/greet?name=Ada`)).text()).toBe(
        'Hi Ada, after an edit',
      );

      child.kill('SIGTERM');
      expect(await exitCode(child)).toBe(0);
    } finally {
      remove();
    }
  });
});
