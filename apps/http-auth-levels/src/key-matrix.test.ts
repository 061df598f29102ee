import { describe, expect, it } from 'vitest';

import { allDevKeys, devKeys } from './testing/dev-keys.js';
import { apiRequest, useAuthHost } from './testing/use-auth-host.js';

const auth = useAuthHost();
const { master } = devKeys;
const hostKey = devKeys.host.default;
const functionKey = devKeys.functions.protected.default;
const nextFunctionKey = devKeys.functions.protected.next;
const otherFunctionsKey = devKeys.functions.public.default;

async function status(path: string, headers: Record<string, string> = {}): Promise<number> {
  return (await auth.host.fetch(apiRequest(path, headers))).status;
}

describe('the key matrix, decided by the host (AuthenticationLevelHandler + FunctionAuthorizationHandler)', () => {
  it.each([
    ['no key', {}, '', [200, 401, 401]],
    [
      'the function key in x-functions-key',
      { 'x-functions-key': functionKey },
      '',
      [200, 200, 401],
    ],
    ['the function key in ?code=', {}, `?code=${functionKey}`, [200, 200, 401]],
    [
      'the second (rotated-in) function key',
      { 'x-functions-key': nextFunctionKey },
      '',
      [200, 200, 401],
    ],
    ['a host key', { 'x-functions-key': hostKey }, '', [200, 200, 401]],
    ['the master key', { 'x-functions-key': master }, '', [200, 200, 200]],
    ['the master key in ?code=', {}, `?code=${master}`, [200, 200, 200]],
    ["another function's key", { 'x-functions-key': otherFunctionsKey }, '', [200, 401, 401]],
    ['a wrong key', { 'x-functions-key': 'not-a-key' }, '', [200, 401, 401]],
  ] as const)('%s → public, protected, admin-only', async (_name, headers, query, expected) => {
    const statuses = [
      await status(`public${query}`, headers),
      await status(`protected${query}`, headers),
      await status(`admin-only${query}`, headers),
    ];
    expect(statuses).toEqual(expected);
  });

  it('answers a refused key with 401 and an empty body: the handler never ran', async () => {
    const response = await auth.host.fetch(apiRequest('protected'));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    expect(auth.logs.some((entry) => entry.message.startsWith('Executing'))).toBe(false);
    // the same log does show the invocation once a key is accepted
    await status('protected', { 'x-functions-key': functionKey });
    expect(auth.logs.some((entry) => entry.message.startsWith('Executing'))).toBe(true);
  });

  it('the header wins over ?code=: a wrong header fails even with a good code', async () => {
    expect(await status(`protected?code=${functionKey}`, { 'x-functions-key': 'wrong' })).toBe(401);
    expect(await status(`protected?code=wrong`, { 'x-functions-key': functionKey })).toBe(200);
  });

  it('an empty x-functions-key header is a missing key: no fall back to ?code=', async () => {
    expect(await status(`protected?code=${functionKey}`, { 'x-functions-key': '' })).toBe(401);
  });

  it('of repeated ?code= values the first one counts', async () => {
    expect(await status(`protected?code=${functionKey}&code=wrong`)).toBe(200);
    expect(await status(`protected?code=wrong&code=${functionKey}`)).toBe(401);
  });

  it('matches the route before the key: an unknown path is 404 without a key', async () => {
    expect(await status('nothing-here')).toBe(404);
  });

  it('never writes a key into a log line, whichever way it arrived', async () => {
    await status(`protected?code=${functionKey}`);
    await status('admin-only', { 'x-functions-key': master });
    await status(`protected?code=${otherFunctionsKey}`);
    const logged = JSON.stringify(auth.logs);
    expect(auth.logs.length).toBeGreaterThan(0);
    for (const key of allDevKeys) expect(logged).not.toContain(key);
  });
});
