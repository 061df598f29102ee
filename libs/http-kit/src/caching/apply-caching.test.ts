import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { getCatalogItem } from '../route/catalog.fixture.js';
import { defineRoute } from '../route/define-route.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { applyCaching } from './apply-caching.js';

describe('HTTP caching', () => {
  it('sends ETag and Cache-Control, then 304 with no body for a matching If-None-Match', async () => {
    const first = await invokeRoute(getCatalogItem, { params: { item_id: '42' } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');

    const second = await invokeRoute(getCatalogItem, {
      params: { item_id: '42' },
      headers: { 'if-none-match': `"other", ${etag}` },
    });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('cache-control')).toBe('public, max-age=60');
    expect(second.headers.get('x-correlation-id')).toBeTruthy();
    expect(second.headers.get('content-type')).toBeNull();
  });

  it('answers 200 when the ETag no longer matches', async () => {
    const response = await invokeRoute(getCatalogItem, {
      params: { item_id: '42' },
      headers: { 'if-none-match': '"stale"' },
    });
    expect(response.status).toBe(200);
  });

  it('never caches problems', async () => {
    const response = await invokeRoute(getCatalogItem, { params: { item_id: '404' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('keeps a handler-provided ETag instead of hashing the body', () => {
    const result = applyCaching({ etag: true, cacheControl: undefined }, 'GET', '"v1"', {
      status: 200,
      headers: { etag: '"v1"' },
      body: 'large',
    });
    expect(result).toEqual({ status: 304, headers: { etag: '"v1"' }, body: undefined });
  });

  it('adds no ETag to POST answers', async () => {
    const route = defineRoute({
      name: 'post',
      methods: ['POST'],
      route: 'things',
      authLevel: 'anonymous',
      request: { body: z.object({ n: z.number() }) },
      responses: { 200: { description: 'ok', schema: z.object({ n: z.number() }) } },
      cache: { etag: true, cacheControl: 'no-cache' },
      handler: ({ body }) => ({ status: 200, body }),
    });
    const response = await invokeRoute(route, {
      body: { n: 1 },
      headers: { 'if-none-match': '*' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('HTTP caching with the route’s own ETag (cache.etag as a function)', () => {
  const versions = new Map([['a', 3]]);
  const Doc = z.object({ id: z.string(), version: z.number(), servedAt: z.string() });
  const seen: unknown[] = [];
  const getDoc = defineRoute({
    name: 'getDoc',
    methods: ['GET', 'HEAD'],
    route: 'docs/{id}',
    authLevel: 'anonymous',
    responses: { 200: { description: 'the doc', schema: Doc } },
    // The body carries a per-request field; the validator is the version alone.
    cache: {
      etag: (doc) => {
        seen.push(doc);
        return doc.version === 0 ? undefined : `W/"v${doc.version}"`;
      },
      cacheControl: 'private, max-age=5',
    },
    handler: ({ params }) => ({
      status: 200,
      body: { id: params.id, version: versions.get(params.id) ?? 0, servedAt: 'now', extra: 1 },
    }),
  });

  it('sends the derived tag, computed from the checked body, and 304s a match (RFC 9110 weak comparison)', async () => {
    seen.length = 0;
    const first = await invokeRoute(getDoc, { params: { id: 'a' } });
    expect(first.headers.get('etag')).toBe('W/"v3"');
    expect(seen).toEqual([{ id: 'a', version: 3, servedAt: 'now' }]);
    for (const ifNoneMatch of ['W/"v3"', '"v3"', '"v1", W/"v3"']) {
      const revalidated = await invokeRoute(getDoc, {
        params: { id: 'a' },
        headers: { 'if-none-match': ifNoneMatch },
      });
      expect(revalidated.status, ifNoneMatch).toBe(304);
      expect(revalidated.body).toBe('');
      expect(revalidated.headers.get('etag')).toBe('W/"v3"');
      expect(revalidated.headers.get('cache-control')).toBe('private, max-age=5');
    }
    const changed = await invokeRoute(getDoc, {
      params: { id: 'a' },
      headers: { 'if-none-match': 'W/"v2"' },
    });
    expect(changed.status).toBe(200);
  });

  it('sends no ETag, and never 304, when the function answers undefined', async () => {
    const response = await invokeRoute(getDoc, {
      params: { id: 'unversioned' },
      headers: { 'if-none-match': '*' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('private, max-age=5');
  });

  it('answers 500 (and never a malformed header) when the function returns no entity tag', async () => {
    const route = defineRoute({
      name: 'badTag',
      methods: ['GET'],
      route: 'bad-tag',
      authLevel: 'anonymous',
      responses: { 200: { description: 'ok', schema: z.object({ v: z.number() }) } },
      cache: { etag: ({ v }) => `v${v}` },
      handler: () => ({ status: 200, body: { v: 1 } }),
    });
    const response = await invokeRoute(route);
    expect(response.status).toBe(500);
    expect(response.headers.get('etag')).toBeNull();
  });

  it('fails at definition time for a cache.etag that is neither boolean nor function', () => {
    expect(() =>
      defineRoute({
        name: 'badOption',
        methods: ['GET'],
        route: 'bad-option',
        authLevel: 'anonymous',
        responses: { 200: { description: 'ok' } },
        cache: { etag: 'strong' as never },
        handler: () => ({ status: 200 }),
      }),
    ).toThrow(/cache.etag must be true, false or a function/);
  });
});
