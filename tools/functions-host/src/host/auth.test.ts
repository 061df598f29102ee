import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { KEYS_FILE } from '../auth/host-keys.js';
import { type FixtureHost, fixturePath, startFixture } from '../testing/fixture-host.js';

const keys = {
  master: 'master-key',
  host: { default: 'host-key' },
  functions: { 'level-function': { default: 'function-key' } },
};

describe('keys (AuthenticationLevelHandler / FunctionAuthorizationHandler)', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('auth', {
      auth: true,
      keys,
      env: { 'AzureWebJobs.switched-off.Disabled': 'true' },
    });
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
    const open = await startFixture('auth');
    try {
      expect((await open.get('/api/level-admin')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('keys file and environment', () => {
  const file = join(fixturePath('auth'), KEYS_FILE);

  it('generates <appDir>/.local-keys.json on first use and reuses it', async () => {
    rmSync(file, { force: true });
    try {
      const first = await startFixture('auth', { auth: true });
      await first.close();
      expect(existsSync(file)).toBe(true);
      const saved = JSON.parse(readFileSync(file, 'utf8')) as {
        masterKey: string;
        functionKeys: Record<string, { default: string }>;
      };
      expect(Object.keys(saved.functionKeys).sort()).toEqual([
        'level-admin',
        'level-anonymous',
        'level-function',
        'switched-off',
      ]);
      const second = await startFixture('auth', { auth: true });
      try {
        expect(second.keys?.master).toBe(saved.masterKey);
        const code = saved.functionKeys['level-function']?.default ?? '';
        expect((await second.get(`/api/level-function?code=${code}`)).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('FUNCTIONS_HOST_KEY and FUNCTIONS_MASTER_KEY set keys from the environment', async () => {
    rmSync(file, { force: true });
    const host = await startFixture('auth', {
      auth: true,
      env: { FUNCTIONS_HOST_KEY: 'env-host-key', FUNCTIONS_MASTER_KEY: 'env-master-key' },
    });
    try {
      expect((await host.get('/api/level-function?code=env-host-key')).status).toBe(200);
      expect((await host.get('/api/level-admin?code=env-master-key')).status).toBe(200);
    } finally {
      await host.close();
      rmSync(file, { force: true });
    }
  });
});
