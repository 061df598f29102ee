import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { KEYS_FILE } from '../auth/host-keys.js';
import { startHostServer } from '../server/start-host-server.js';
import { copyFixture, type FixtureCopy } from '../testing/fixture-copy.js';
import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import { rawRequest } from '../testing/raw-http.js';

const keys = {
  master: 'master-key',
  host: { default: 'host-key' },
  functions: { 'level-function': { default: 'function-key' } },
};

// Keys are checked from the request head before anything is invoked: the same with HTTP streams on.
describe.each(['default', 'streams'] as const)(
  'keys (AuthenticationLevelHandler / FunctionAuthorizationHandler), %s mode',
  (mode) => {
    let host: FixtureHost;
    beforeAll(async () => {
      host = await startFixture(
        'auth',
        { auth: true, keys, env: { 'AzureWebJobs.switched-off.Disabled': 'true' } },
        mode,
      );
    });
    afterAll(() => host.close());

    const status = async (path: string, headers?: Record<string, string>): Promise<number> =>
      (await host.get(path, headers ? { headers } : undefined)).status;

    it('anonymous functions need no key', async () => {
      expect(await status('/api/level-anonymous')).toBe(200);
    });

    it('function level: missing or wrong key → 401 with an empty body', async () => {
      const response = await host.get('/api/level-function');
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
      expect(await status('/api/level-function?code=wrong')).toBe(401);
    });

    it('function level accepts the function key, a host key or the master key', async () => {
      expect(await status('/api/level-function?code=function-key')).toBe(200);
      expect(await status('/api/level-function?code=host-key')).toBe(200);
      expect(await status('/api/level-function', { 'x-functions-key': 'master-key' })).toBe(200);
    });

    it('x-functions-key takes precedence over ?code=', async () => {
      expect(
        await status('/api/level-function?code=function-key', { 'x-functions-key': 'wrong' }),
      ).toBe(401);
      expect(
        await status('/api/level-function?code=wrong', { 'x-functions-key': 'function-key' }),
      ).toBe(200);
    });

    it('an empty x-functions-key header is the key: no fall back to ?code= (AuthenticationLevelHandler)', async () => {
      expect(await status('/api/level-function?code=function-key', { 'x-functions-key': '' })).toBe(
        401,
      );
    });

    it('repeated ?code= values: the first one is the key (Query["code"].First())', async () => {
      expect(await status('/api/level-function?code=function-key&code=wrong')).toBe(200);
      expect(await status('/api/level-function?code=wrong&CODE=function-key')).toBe(401);
    });

    it('repeated x-functions-key header lines: the first one is the key (Headers[...].First())', async () => {
      const server = await startHostServer(host);
      try {
        const send = (first: string, second: string): Promise<number> =>
          rawRequest(
            server.port,
            `GET /api/level-function HTTP/1.1\r\nHost: localhost\r\nx-functions-key: ${first}\r\nX-Functions-Key: ${second}\r\n\r\n`,
          ).then((response) => response.status);
        expect(await send('function-key', 'wrong')).toBe(200);
        expect(await send('wrong', 'function-key')).toBe(401);
      } finally {
        await server.close();
      }
    });

    it('admin level needs the master key', async () => {
      expect(await status('/api/level-admin?code=host-key')).toBe(401);
      expect(await status('/api/level-admin?code=master-key')).toBe(200);
    });

    it('the route is matched before keys are checked: unknown route → 404 without a key', async () => {
      expect(await status('/api/does-not-exist')).toBe(404);
    });

    it('AzureWebJobs.<name>.Disabled=true → 404, unless called with the master key', async () => {
      expect(await status('/api/switched-off')).toBe(404);
      expect(await status('/api/switched-off?code=host-key')).toBe(404);
      expect(await status('/api/switched-off?code=master-key')).toBe(200);
      expect(host.functions.find((fn) => fn.name === 'switched-off')?.disabled).toBe(true);
    });

    it('keys are off by default, like Core Tools', async () => {
      const open = await startFixture('auth', {}, mode);
      try {
        expect((await open.get('/api/level-admin')).status).toBe(200);
      } finally {
        await open.close();
      }
    });
  },
);

describe('keys file and environment', () => {
  let app: FixtureCopy;
  const file = (): string => join(app.dir, KEYS_FILE);
  beforeAll(() => {
    app = copyFixture('auth');
  });
  afterEach(() => rmSync(file(), { force: true }));
  afterAll(() => app.remove());
  const start = (options: Parameters<typeof startFixture>[1] = {}): Promise<FixtureHost> =>
    startFixture(app.dir, { auth: true, ...options });

  it('generates <appDir>/.local-keys.json on first use (mode 0600) and reuses it', async () => {
    const first = await start();
    await first.close();
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file(), 'utf8')) as {
      masterKey: string;
      functionKeys: Record<string, { default: string }>;
    };
    expect(Object.keys(saved.functionKeys).sort()).toEqual([
      'level-admin',
      'level-anonymous',
      'level-function',
      'switched-off',
    ]);
    const second = await start();
    try {
      expect(second.keys?.master).toBe(saved.masterKey);
      const code = saved.functionKeys['level-function']?.default ?? '';
      expect((await second.get(`/api/level-function?code=${code}`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('FUNCTIONS_HOST_KEY and FUNCTIONS_MASTER_KEY set keys from the environment and are never written to the keys file', async () => {
    const host = await start({
      env: { FUNCTIONS_HOST_KEY: 'env-host-key', FUNCTIONS_MASTER_KEY: 'env-master-key' },
    });
    try {
      expect((await host.get('/api/level-function?code=env-host-key')).status).toBe(200);
      expect((await host.get('/api/level-admin?code=env-master-key')).status).toBe(200);
    } finally {
      await host.close();
    }
    const written = readFileSync(file(), 'utf8');
    expect(written).not.toContain('env-host-key');
    expect(written).not.toContain('env-master-key');
  });

  it('a keys file that gets rewritten (a new function) is 0600 even if it was readable by others', async () => {
    writeFileSync(
      file(),
      JSON.stringify({ masterKey: 'm', hostKeys: { default: 'h' }, functionKeys: {} }),
    );
    chmodSync(file(), 0o644);
    const host = await start();
    await host.close();
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ masterKey: 'm' });
  });
});
