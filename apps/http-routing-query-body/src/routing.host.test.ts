import { resolve } from 'node:path';

import { createLocalHost, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Host-level: what the Functions host decides before a handler runs (routing, query encoding).
const recipeDir = resolve(import.meta.dirname, '..');
let host: LocalHost;

beforeAll(async () => {
  host = await createLocalHost(recipeDir, {
    env: { LOG_FORMAT: 'json', LOG_LEVEL: 'warn' },
    log: () => undefined,
  });
});
afterAll(() => host.close());

const send = (path: string, init: RequestInit = {}) =>
  host.fetch(new Request(`http://localhost:7071/api/${path}`, init));

describe('routing on the Functions host', () => {
  it('tries functions in name order, not by specificity (Azure host#3153); no route overlaps', () => {
    expect(host.warnings).toEqual([]);
    expect(
      host.functions.map((fn) => fn.name).filter((name) => !/openapi|docs/i.test(name)),
    ).toEqual([
      'createUser',
      'deleteUser',
      'getUser',
      'listUsers',
      'patchUser',
      'replaceUser',
      'searchUsers',
    ]);
  });

  it('keeps non-numeric segments out of users/{id:int:min(1)}: users/search is no user id', async () => {
    for (const path of ['users/search', 'users/abc', 'users/0', 'users/1.5']) {
      const response = await send(path);
      expect(response.status, path).toBe(404);
      // The host answered: no function ran, so there is no problem body.
      expect(await response.text(), path).toBe('');
    }
    expect((await send('users/1')).status).toBe(200);
  });

  it('answers a method no function lists with 404, not 405 (Azure host#10098)', async () => {
    expect((await send('search', { method: 'POST' })).status).toBe(404);
    expect((await send('users', { method: 'PUT' })).status).toBe(404);
  });

  it('joins a repeated query key with commas (nodejs-library#168), so ?limit=5&limit=7 is a 422', async () => {
    const response = await send('users?limit=5&limit=7');
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { pointer: string; message: string }[] };
    expect(problem.errors).toEqual([
      { pointer: '/query/limit', message: expect.stringContaining('"5,7"') },
    ]);
  });

  it('matches literal segments case-insensitively, like ASP.NET routing', async () => {
    expect((await send('USERS/1')).status).toBe(200);
  });
});
