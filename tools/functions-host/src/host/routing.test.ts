import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';

// Routing comes before the invocation, so it is the same with HTTP streams on (the worker then
// gets route values in trigger metadata instead of RpcHttp.params).
describe.each(['default', 'streams'] as const)(
  'routing like the Functions host (ASP.NET Core templates), %s mode',
  (mode) => {
    let host: FixtureHost;
    beforeAll(async () => {
      host = await startFixture('routing', {}, mode);
    });
    afterAll(() => host.close());

    const route = async (
      path: string,
      init?: RequestInit,
    ): Promise<{ fn: string; params: object } | number> => {
      const response = await host.get(path, init);
      return response.status === 200
        ? ((await response.json()) as { fn: string; params: object })
        : response.status;
    };

    it(`the app runs in ${mode} mode`, () => {
      expect(host.streams).toBe(mode === 'streams');
    });

    it('routes are tried in function-name order, not by specificity (host#3153, nodejs-library#300)', async () => {
      expect(host.functions.map((fn) => fn.name).slice(0, 4)).toEqual([
        'braces',
        'dated',
        'default-route',
        'docs',
      ]);
      expect(await route('/api/items/recent')).toEqual({
        fn: 'items-get',
        params: { id: 'recent' },
      });
    });

    it('a constraint lets the literal route win (orders/{id:int} vs orders/search)', async () => {
      expect(await route('/api/orders/search')).toEqual({ fn: 'orders-search', params: {} });
      expect(await route('/api/orders/12')).toEqual({ fn: 'orders-by-id', params: { id: '12' } });
    });

    it('the route defaults to the function name under the "api" prefix', async () => {
      expect(await route('/api/default-route')).toMatchObject({ fn: 'default-route' });
    });

    it('literals match case-insensitively', async () => {
      expect(await route('/API/MIXED/case', { method: 'POST' })).toMatchObject({
        fn: 'Mixed-Case',
      });
    });

    it('a method the function does not accept is 404, not 405 (host#10098)', async () => {
      expect(await route('/api/Mixed/Case')).toBe(404);
    });

    it('HEAD on a GET-only function is 404 (host#11625)', async () => {
      expect(await route('/api/default-route', { method: 'HEAD' })).toBe(404);
    });

    it('an unknown route is 404 and /admin/* is reserved', async () => {
      expect(await route('/api/nope')).toBe(404);
      expect(await route('/admin/host/status')).toBe(404);
    });

    it('optional {id?} and constraints {category:alpha}/{id:int?}', async () => {
      expect(await route('/api/products/books')).toEqual({
        fn: 'products',
        params: { category: 'books' },
      });
      expect(await route('/api/products/books/3')).toEqual({
        fn: 'products',
        params: { category: 'books', id: '3' },
      });
      expect(await route('/api/products/b00ks')).toBe(404);
      expect(await route('/api/products/books/three')).toBe(404);
    });

    it('catch-all {*path} takes the rest of the path', async () => {
      expect(await route('/api/files/a/b/c.txt')).toEqual({
        fn: 'files',
        params: { path: 'a/b/c.txt' },
      });
      expect(await route('/api/files')).toEqual({ fn: 'files', params: {} });
    });

    it('{slug=home} supplies its default when the segment is missing', async () => {
      expect(await route('/api/pages')).toEqual({ fn: 'pages', params: { slug: 'home' } });
      expect(await route('/api/pages/about')).toEqual({ fn: 'pages', params: { slug: 'about' } });
    });

    it('complex segments {name}.{ext?} match right to left', async () => {
      expect(await route('/api/docs/report.v2.pdf')).toEqual({
        fn: 'docs',
        params: { name: 'report.v2', ext: 'pdf' },
      });
      expect(await route('/api/docs/readme')).toEqual({ fn: 'docs', params: { name: 'readme' } });
    });

    it('guid, range, length, regex (case-insensitive), datetime, bool and decimal constraints', async () => {
      expect(await route('/api/things/3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toMatchObject({
        fn: 'guids',
      });
      expect(await route('/api/things/not-a-guid')).toBe(404);
      expect(await route('/api/ranged/10/abc')).toMatchObject({ fn: 'ranged' });
      expect(await route('/api/ranged/11/abc')).toBe(404);
      expect(await route('/api/ranged/5/abcd')).toBe(404);
      expect(await route('/api/zip/12345')).toMatchObject({ fn: 'regexed' });
      expect(await route('/api/zip/1234')).toBe(404);
      expect(await route('/api/events/2024-02-29')).toMatchObject({ fn: 'dated' });
      expect(await route('/api/events/2023-02-29')).toBe(404);
      expect(await route('/api/flags/TRUE/1,234.5')).toMatchObject({ fn: 'flags' });
      expect(await route('/api/flags/yes/1')).toBe(404);
    });

    it('{{ and }} escape literal braces', async () => {
      expect(await route('/api/literal/%7Bx%7D')).toMatchObject({ fn: 'braces' });
    });

    it('a trailing slash still matches', async () => {
      expect(await route('/api/default-route/')).toMatchObject({ fn: 'default-route' });
    });
  },
);

describe('route prefix', () => {
  it('host.json extensions.http.routePrefix "" removes the prefix', async () => {
    const host = await startFixture('esm-app');
    try {
      expect((await host.get('/hello/Ada')).status).toBe(200);
      expect((await host.get('/api/hello/Ada')).status).toBe(404);
    } finally {
      await host.close();
    }
  });

  it('AzureFunctionsJobHost__extensions__http__routePrefix overrides host.json', async () => {
    const host = await startFixture('routing', {
      env: { AzureFunctionsJobHost__extensions__http__routePrefix: 'v1' },
    });
    try {
      expect(host.routePrefix).toBe('v1');
      expect((await host.get('/v1/default-route')).status).toBe(200);
      expect((await host.get('/api/default-route')).status).toBe(404);
    } finally {
      await host.close();
    }
  });
});

describe('route overlap warnings', () => {
  it('warns once per pair that can match the same request, and only then', async () => {
    const host = await startFixture('overlaps');
    await host.close();
    expect(host.warnings).toHaveLength(2);
    const [files, items] = host.warnings;
    expect(files).toContain('"afiles-readme"');
    expect(files).toContain('"zfiles"');
    expect(files).toContain('GET /api/files/readme.md');
    expect(items).toContain('"items-get" (api/items/{id}) and "items-recent" (api/items/recent)');
    expect(items).toContain('GET /api/items/recent');
    expect(host.logs.filter((entry) => entry.message.startsWith('WARNING: Routes'))).toHaveLength(
      2,
    );
  });

  it('catalog/health vs catalog/{item_id:regex(^(?!health$).*$)} do not overlap', async () => {
    const host = await startFixture('overlaps');
    await host.close();
    expect(host.warnings.join('\n')).not.toContain('catalog');
  });
});
