import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSiteServer, resolveSitePath } from './static-site-server.js';

const site = mkdtempSync(join(tmpdir(), 'cookbook-site-'));
mkdirSync(join(site, 'recipes'));
writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
writeFileSync(join(site, '404.html'), '<h1>not found</h1>');
writeFileSync(join(site, 'recipes', 'index.html'), 'catalog');
writeFileSync(join(site, 'recipes', 'hello.html'), 'hello');

describe('resolveSitePath', () => {
  it('maps folders to index.html and clean URLs to .html files', () => {
    expect(resolveSitePath(site, '/')).toBe(join(site, 'index.html'));
    expect(resolveSitePath(site, '/recipes/')).toBe(join(site, 'recipes', 'index.html'));
    expect(resolveSitePath(site, '/recipes/hello.html')).toBe(join(site, 'recipes', 'hello.html'));
    expect(resolveSitePath(site, '/recipes/hello')).toBe(join(site, 'recipes', 'hello.html'));
    expect(resolveSitePath(site, '/recipes')).toBe(join(site, 'recipes', 'index.html'));
  });

  it('never leaves the site folder and rejects malformed escapes', () => {
    expect(resolveSitePath(site, '/../etc/passwd')).toBeUndefined();
    expect(resolveSitePath(site, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveSitePath(site, '/%E0%A4%A')).toBeUndefined();
    expect(resolveSitePath(site, '/missing')).toBeUndefined();
  });
});

describe('createSiteServer', () => {
  const server = createSiteServer(site);
  let origin = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves pages with their content type, like a static host', async () => {
    const response = await fetch(`${origin}/recipes/hello.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('hello');
  });

  it('answers unknown paths with 404.html and status 404, and other methods with 405', async () => {
    const missing = await fetch(`${origin}/nope.html`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>not found</h1>');
    const post = await fetch(`${origin}/`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
