import { fileURLToPath } from 'node:url';

import { createLocalHost, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_NAME_LENGTH } from './hello.js';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

describe('GET /api/hello (built bundle in the local Functions host)', () => {
  let host: LocalHost;
  beforeAll(async () => {
    host = await createLocalHost(appDir, { log: () => undefined });
  });
  afterAll(() => host.close());

  const get = (query = '', init?: RequestInit): Promise<Response> =>
    host.fetch(new Request(`http://localhost:7071/api/hello${query}`, init));

  it('registers one anonymous GET function at /api/hello', () => {
    expect(host.functions).toMatchObject([
      { name: 'hello', methods: ['GET'], template: 'api/hello', authLevel: 'anonymous' },
    ]);
  });

  it('greets by name as text/plain', async () => {
    const response = await get('?name=Ada');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Hello, Ada!');
  });

  it('greets the World without a name, or with a blank one', async () => {
    for (const query of ['', '?name=', '?name=%20%20']) {
      expect(await (await get(query)).text()).toBe('Hello, World!');
    }
  });

  it('trims the name', async () => {
    expect(await (await get('?name=%20%20Ada%20%20')).text()).toBe('Hello, Ada!');
  });

  it('accepts exactly 100 characters, counting an emoji as one', async () => {
    const name = '👋'.repeat(MAX_NAME_LENGTH);
    const response = await get(`?name=${encodeURIComponent(name)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`Hello, ${name}!`);
  });

  it('rejects a name over 100 characters with a 400 RFC 9457 problem, not a 500', async () => {
    const response = await get(`?name=${'a'.repeat(MAX_NAME_LENGTH + 1)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'tag:azure-functions-cookbook,2026:problems/name-too-long',
      title: 'Name too long',
      status: 400,
      detail: '"name" must be at most 100 characters after trimming; it has 101.',
      instance: '/api/hello',
    });
  });

  it('repeated name parameters arrive comma-joined, as on Azure (nodejs-library#168)', async () => {
    expect(await (await get('?name=Ada&name=Grace')).text()).toBe('Hello, Ada,Grace!');
  });

  it('other methods get 404 like the Functions host (no 405, host#10098)', async () => {
    expect((await get('?name=Ada', { method: 'POST' })).status).toBe(404);
  });
});
