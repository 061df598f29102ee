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
