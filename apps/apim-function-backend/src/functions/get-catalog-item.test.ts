import { PROBLEM_CONTENT_TYPE, ProblemDetailsSchema, problemTypeUri } from '@cookbook/http-kit';
import { invokeRoute, type InvokeRouteOptions } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { CatalogItemResponseSchema, getCatalogItem } from './get-catalog-item.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const APIM_HEADERS = {
  'x-apim-gateway': 'azure-api-management',
  'x-apim-cache': 'MISS',
  'x-correlation-id': 'apim-7f3c9d',
};

// In-process, the way the host delivers the request (route and keys are the host tests' subject).
const getItem = (
  itemId: string,
  headers: Record<string, string> = {},
  options: InvokeRouteOptions = {},
) => invokeRoute(getCatalogItem, { ...options, params: { item_id: itemId }, headers });

describe('GET /api/catalog/{item_id} as APIM forwards it', () => {
  it('returns the item with the APIM context the policy forwarded', async () => {
    const response = await getItem('42', APIM_HEADERS);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = CatalogItemResponseSchema.parse(response.json());
    expect(body).toMatchObject({
      item_id: '42',
      routed_by: 'azure-api-management',
      correlation_id: 'apim-7f3c9d',
      cache_status: 'miss',
    });
    expect(response.headers.get('x-correlation-id')).toBe('apim-7f3c9d');
  });

  it('marks the answer cacheable: public max-age and a weak ETag of the item', async () => {
    const response = await getItem('42', APIM_HEADERS);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
  });

  it('keeps the ETag when only per-request fields differ, so revalidation works across callers', async () => {
    const first = await getItem('42', APIM_HEADERS);
    const second = await getItem('42');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const other = await getItem('functions-mug');
    expect(other.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('answers If-None-Match with 304, no body, and the same caching headers (RFC 9110 §15.4.5)', async () => {
    const etag = (await getItem('42')).headers.get('etag') ?? '';
    for (const ifNoneMatch of [etag, `"other", ${etag}`, '*']) {
      const response = await getItem('42', { 'if-none-match': ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.body).toBe('');
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    }
    const stale = await getItem('42', { 'if-none-match': 'W/"stale"' });
    expect(stale.status).toBe(200);
  });

  it('reports a cache hit only when the request came through the gateway', async () => {
    const viaGateway = await getItem('42', { ...APIM_HEADERS, 'x-apim-cache': 'HIT' });
    expect(viaGateway.json()).toMatchObject({ cache_status: 'hit' });
    const spoofed = await getItem('42', { 'x-apim-cache': 'HIT' });
    expect(spoofed.json()).toMatchObject({ routed_by: null, cache_status: 'bypass' });
  });
});

describe('GET /api/catalog/{item_id} called directly (no APIM)', () => {
  it('says so: routed_by null, cache_status bypass', async () => {
    expect((await getItem('42')).json()).toMatchObject({ routed_by: null, cache_status: 'bypass' });
  });

  it('generates a fresh correlation id per request, never a fixed placeholder', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => {
        const response = await getItem('42');
        const body = response.json<{ correlation_id: string }>();
        expect(response.headers.get('x-correlation-id')).toBe(body.correlation_id);
        return body.correlation_id;
      }),
    );
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('GET /api/catalog/{item_id} errors (RFC 9457 problem+json)', () => {
  it('answers an unknown id with 404 not-found', async () => {
    const response = await getItem('no-such-item', APIM_HEADERS);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const problem = ProblemDetailsSchema.parse(response.json());
    expect(problem).toMatchObject({
      type: problemTypeUri('notFound'),
      status: 404,
      instance: '/api/catalog/no-such-item',
      correlationId: 'apim-7f3c9d',
    });
    expect(problem.detail).toContain('no-such-item');
  });

  // The host percent-decodes path parameters before the function sees them.
  it.each([
    ['a dot', 'not.valid'],
    ['65 characters', 'x'.repeat(65)],
    ['a space', 'two words'],
    ['non-ASCII', 'café'],
    ['a newline', 'line\nbreak'],
  ])('answers an id with %s with 422 naming params.item_id', async (_case, id) => {
    const response = await getItem(id);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    const problem = ProblemDetailsSchema.parse(response.json());
    expect(problem.type).toBe(problemTypeUri('validationFailed'));
    expect(JSON.stringify(problem.errors)).toContain('item_id');
  });
});

describe('the "Handled APIM backend request" log line', () => {
  const handledLines = (logs: readonly { level: string; message: string }[]) =>
    logs
      .filter((entry) => entry.message.includes('"Handled APIM backend request"'))
      .map((entry) => ({ ...(JSON.parse(entry.message) as object), hostLevel: entry.level }));

  it('carries the seed fields plus invocation id, function name and trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await getItem('42', APIM_HEADERS, {
      invocationId: 'a6e48361-a80e-4875-8bb2-6ffc17fec3b8',
      traceParent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(response.status).toBe(200);
    const handled = handledLines(response.logs);
    expect(handled).toEqual([
      expect.objectContaining({
        hostLevel: 'information',
        level: 'info',
        item_id: '42',
        routed_by: 'azure-api-management',
        correlation_id: 'apim-7f3c9d',
        cache_status: 'miss',
        status: 200,
        invocationId: 'a6e48361-a80e-4875-8bb2-6ffc17fec3b8',
        functionName: 'getCatalogItem',
        traceId,
      }),
    ]);
  });

  it('is written for misses and revalidations too, with their status', async () => {
    const miss = await getItem('no-such-item');
    const ok = await getItem('42');
    const revalidated = await getItem('42', { 'if-none-match': ok.headers.get('etag') ?? '' });
    const statuses = [miss, ok, revalidated].flatMap((response) =>
      handledLines(response.logs).map((line) => (line as { status?: number }).status),
    );
    expect(statuses).toEqual([404, 200, 304]);
  });
});
