import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { CLI, type CliRun, freePort, runCli, TSX } from '../test-fixtures/cli-process.js';
import { startRecordingBackend } from './testing.js';

const FIXTURE_DIR = resolve(import.meta.dirname, '../test-fixtures/cli');
const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const cacheHome = await mkdtemp(join(tmpdir(), 'apim-gateway-cli-cache-'));
// children keep their dev key in a temp folder, not in the developer's cache
const ENV = { XDG_CACHE_HOME: cacheHome };

const running: CliRun[] = [];
afterEach(async () => {
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGTERM');
    await cli.exited;
  }
});

function start(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const cli = runCli(['start', ...args], { ...options, env: { ...ENV, ...options.env } });
  running.push(cli);
  return cli;
}

function listeningUrl(banner: string): string {
  return /listening on (http:\/\/\S+)/.exec(banner)?.[1] as string;
}

describe('cli start', { timeout: 60_000 }, () => {
  it.each([
    // npx runs in the nearest folder with a package.json: the banner names that one
    ['the config’s folder', FIXTURE_DIR, 'local-gateway.json', resolve(FIXTURE_DIR, '../..')],
    [
      'the repository root',
      REPO_ROOT,
      'tools/apim-gateway/test-fixtures/cli/local-gateway.json',
      REPO_ROOT,
    ],
  ])(
    'the printed token command works pasted in the folder the banner names (started from %s)',
    async (_where, cwd, config, named) => {
      const port = await freePort();
      const cli = start(['--config', config, '--port', String(port)], { cwd });
      const banner = await cli.waitFor('curl ');
      expect(listeningUrl(banner)).toBe(`http://127.0.0.1:${port}`);
      expect(banner).toContain('Subscription key:  cli-subscription-key');
      const [, folder, command] = /Dev token, from (.+):\n\s+(TOKEN=\$\(.+\))\n/.exec(banner) ?? [];
      expect(folder).toBe(named);
      const { stdout } = await run('sh', ['-c', `${command} && printf %s "$TOKEN"`], {
        cwd: folder,
        env: { ...process.env, ...ENV },
      });
      expect(stdout.split('.')).toHaveLength(3);
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
        headers: {
          'Ocp-Apim-Subscription-Key': 'cli-subscription-key',
          Authorization: `Bearer ${stdout}`,
        },
      });
      expect([response.status, await response.text()]).toEqual([200, 'none']);
    },
  );

  it('token mints claims and audiences: the running gateway accepts its own audience only', async () => {
    const port = await freePort();
    await start(['--config', 'local-gateway.json', '--port', String(port)], {
      cwd: FIXTURE_DIR,
    }).waitFor('curl ');
    const token = async (...args: string[]): Promise<string> =>
      (
        await run(
          process.execPath,
          [
            '--import',
            TSX,
            CLI,
            'token',
            '--config',
            join(FIXTURE_DIR, 'local-gateway.json'),
            ...args,
          ],
          {
            env: { ...process.env, ...ENV },
          },
        )
      ).stdout.trim();
    const call = async (jwt: string): Promise<[number, string]> => {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
        headers: {
          'Ocp-Apim-Subscription-Key': 'cli-subscription-key',
          Authorization: `Bearer ${jwt}`,
        },
      });
      return [response.status, await response.text()];
    };
    expect(await call(await token('--claim', 'roles=reader', '--claim', 'roles=writer'))).toEqual([
      200,
      'reader,writer',
    ]);
    expect((await call(await token('--aud', 'api://other')))[0]).toBe(401);
  });

  it('APIM_GATEWAY_PORT sets the port when --port is not given; --port wins over it', async () => {
    const [fromEnv, fromFlag] = [await freePort(), await freePort()];
    const envOnly = start(['--config', 'local-gateway.json'], {
      cwd: FIXTURE_DIR,
      env: { APIM_GATEWAY_PORT: String(fromEnv) },
    });
    expect(listeningUrl(await envOnly.waitFor('curl '))).toBe(`http://127.0.0.1:${fromEnv}`);
    const both = start(['--config', 'local-gateway.json', `--port=${fromFlag}`], {
      cwd: FIXTURE_DIR,
      env: { APIM_GATEWAY_PORT: String(fromEnv) },
    });
    expect(listeningUrl(await both.waitFor('curl '))).toBe(`http://127.0.0.1:${fromFlag}`);
  });

  it('--backend <id>=<url> points a backend elsewhere without editing the config', async () => {
    const backend = await startRecordingBackend();
    const dir = await mkdtemp(join(tmpdir(), 'apim-gateway-cli-'));
    await writeFile(
      join(dir, 'local-gateway.json'),
      JSON.stringify({
        api: {
          path: 'api',
          openapi: resolve(FIXTURE_DIR, '../catalog-openapi.json'),
          subscriptionRequired: false,
          policies: { global: 'global.xml' },
        },
        backends: [{ id: 'fn', url: 'http://127.0.0.1:7071/api' }],
      }),
    );
    await writeFile(
      join(dir, 'global.xml'),
      '<policies><inbound><set-backend-service backend-id="fn" /></inbound><backend><forward-request /></backend></policies>',
    );
    const port = await freePort();
    const cli = start(
      [
        '--config',
        'local-gateway.json',
        '--port',
        String(port),
        '--backend',
        `fn=${backend.url}/api`,
      ],
      { cwd: dir },
    );
    await cli.waitFor('curl ');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(backend.requests.map((r) => r.url)).toEqual(['/api/health']);
    await backend.close();
  });

  it('a busy port exits 1 with the way out, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) =>
      blocker.listen(0, '127.0.0.1', () => resolveListen()),
    );
    const { port } = blocker.address() as { port: number };
    const cli = start(['--config', 'local-gateway.json', '--port', String(port)], {
      cwd: FIXTURE_DIR,
    });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toMatch(
      new RegExp(
        `^apim-gateway: port ${port} on 127\\.0\\.0\\.1 is already in use: .*--port <n> \\(or set APIM_GATEWAY_PORT\\)`,
      ),
    );
    expect(cli.stderr()).not.toMatch(/\n\s+at /);
    blocker.close();
  });

  it('a port given twice is a usage error, not a silent choice', async () => {
    const cli = start(['--config', 'local-gateway.json', '--port', '1', '--port', '2'], {
      cwd: FIXTURE_DIR,
    });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toMatch(/--port was given 2 times; pass it once/);
  });

  it.each(['0', 'lots'])(
    '--max-request-body %s is a usage error naming the flag, no stack trace',
    async (value) => {
      const cli = start(['--config', 'local-gateway.json', '--max-request-body', value], {
        cwd: FIXTURE_DIR,
      });
      expect(await cli.exited).toBe(1);
      expect(cli.stderr()).toMatch(/--max-request-body must be a size in MiB \(more than 0\)/);
      expect(cli.stderr()).not.toMatch(/\n\s+at /);
    },
  );

  it('a config error exits 1 with the message and no stack trace', async () => {
    const cli = start(['--config', resolve(FIXTURE_DIR, '../missing.json')]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toMatch(/^apim-gateway: .*missing\.json: cannot read config/);
    expect(cli.stderr()).not.toMatch(/\n\s+at /);
  });
});
