import { randomUUID } from 'node:crypto';

import type { APIResponse } from '@playwright/test';

import { expect, test } from '../fixtures.js';
import { expectProblem } from '../support/expect-problem.js';

interface CatalogItemBody {
  item_id: string;
  name: string;
  routed_by: string;
  correlation_id: string;
  cache_status: string;
}

test.describe('catalog item through APIM', () => {
  test('returns the item with the APIM context and round-trips a sent correlation id', async ({
    api,
  }) => {
    const correlationId = `e2e-${randomUUID()}`;
    const response = await api.get('/api/catalog/42', {
      headers: { 'x-correlation-id': correlationId },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['x-correlation-id']).toBe(correlationId);
    const body = (await response.json()) as CatalogItemBody;
    expect(body.item_id).toBe('42');
    expect(body.routed_by).toBe('azure-api-management');
    expect(body.correlation_id).toBe(correlationId);
    expect(['miss', 'hit']).toContain(body.cache_status);
    expect(response.headers()['etag']).toBeTruthy();
    expect(response.headers()['cache-control']).toBeTruthy();
  });

  test('generates a correlation id when none is sent, a different one per request', async ({
    api,
  }) => {
    const first = await api.get('/api/catalog/health');
    const second = await api.get('/api/catalog/health');
    const ids = [first, second].map((r) => r.headers()['x-correlation-id']);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBeTruthy();
    expect(ids[0]).not.toBe(ids[1]);
  });

  test('replaces a hostile correlation id instead of echoing it', async ({ api }) => {
    const hostile = `x${'A'.repeat(300)}`;
    const response = await api.get('/api/catalog/health', {
      headers: { 'x-correlation-id': hostile },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['x-correlation-id']).not.toBe(hostile);
    expect(response.headers()['x-correlation-id']?.length).toBeLessThanOrEqual(128);
  });

  test('the health probe reaches the health function, not the item route', async ({ api }) => {
    const response = await api.get('/api/catalog/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', backend: 'functions' });
  });
});

test.describe('response caching in APIM', () => {
  test('a MISS is followed by a HIT, and cached items are not shared', async ({ api, target }) => {
    const path = '/api/catalog/apim-field-guide';
    // Another run may have left this item cached: wait until APIM asks the backend again.
    const deadline = Date.now() + (target.cacheSeconds + 5) * 1000;
    let first = await api.get(path);
    while (first.headers()['x-apim-cache'] !== 'MISS' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      first = await api.get(path);
    }
    expect(first.status()).toBe(200);
    expect(first.headers()['x-apim-cache']).toBe('MISS');

    const second = await api.get(path);
    expect(second.status()).toBe(200);
    expect(second.headers()['x-apim-cache']).toBe('HIT');
    expect(await second.json()).toEqual(await first.json());

    const other = await api.get('/api/catalog/functions-mug');
    expect(other.status()).toBe(200);
    expect(((await other.json()) as CatalogItemBody).item_id).toBe('functions-mug');
  });
});

test.describe('subscription keys', () => {
  test('a missing key is rejected with 401', async ({ anonymous, tokens }) => {
    const response = await anonymous.get('/api/catalog/42', {
      headers: { Authorization: `Bearer ${tokens.valid}` },
    });
    const body = await expectProblem(response, 401);
    expect(body.statusCode).toBe(401);
    expect(body.message).toMatch(/^Access denied due to missing subscription key/);
  });

  test('an invalid key is rejected with 401', async ({ anonymous, tokens }) => {
    const response = await anonymous.get('/api/catalog/42', {
      headers: {
        Authorization: `Bearer ${tokens.valid}`,
        'Ocp-Apim-Subscription-Key': 'not-a-real-key',
      },
    });
    const body = await expectProblem(response, 401);
    expect(body.message).toMatch(/^Access denied due to invalid subscription key/);
  });
});

test.describe('JWT validation', () => {
  const cases = [
    ['no token', undefined, /^JWT not present/],
    ['an expired token', 'expired', /^Invalid JWT/],
    ['a wrong-audience token', 'wrongAudience', /^Invalid JWT/],
    ['a tampered token', 'tampered', /^Invalid JWT/],
  ] as const;
  for (const [label, tokenName, message] of cases) {
    test(`${label} is rejected with 401`, async ({ anonymous, target, tokens }) => {
      const headers: Record<string, string> = {
        'Ocp-Apim-Subscription-Key': target.subscriptionKey,
      };
      if (tokenName) headers['Authorization'] = `Bearer ${tokens[tokenName]}`;
      const response = await anonymous.get('/api/catalog/42', { headers });
      const body = await expectProblem(response, 401);
      expect(body.statusCode).toBe(401);
      expect(body.message).toMatch(message);
      expect(response.headers()['www-authenticate']).toMatch(/^Bearer/);
    });
  }
});

test.describe('errors keep one envelope', () => {
  test('an unknown operation is a 404 from the gateway', async ({ api }) => {
    const body = await expectProblem(await api.get('/api/no-such-operation'), 404);
    expect(body.statusCode).toBe(404);
    expect(body.message).toBe('Resource not found');
  });

  test('a backend validation error passes through as problem+json', async ({ api }) => {
    const body = await expectProblem(await api.get('/api/catalog/not!valid'), 422);
    expect(body.errors?.[0]?.pointer).toBe('/params/item_id');
    expect(body.statusCode).toBeUndefined();
  });

  test('an unknown item is a 404 from the backend', async ({ api }) => {
    const body = await expectProblem(await api.get('/api/catalog/no-such-item'), 404);
    expect(body.detail).toContain('no-such-item');
  });
});

test.describe('rate limiting', () => {
  test('excess calls get 429 with Retry-After, then the caller recovers', async ({
    api,
    target,
  }) => {
    const headers = { 'Ocp-Apim-Subscription-Key': target.rateLimitSubscriptionKey };
    const limited = await callUntilLimited(() => api.get('/api/catalog/health', { headers }));
    const body = await expectProblem(limited, 429);
    expect(body.message).toMatch(/^Rate limit is exceeded\. Try again in \d+ seconds?\./);
    const retryAfter = Number(limited.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
    const recovered = await api.get('/api/catalog/health', { headers });
    expect(recovered.status()).toBe(200);
  });
});

/** Calls until the gateway answers 429; every earlier answer must be a 200. */
async function callUntilLimited(call: () => Promise<APIResponse>): Promise<APIResponse> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await call();
    if (response.status() === 429) return response;
    expect(response.status()).toBe(200);
  }
  throw new Error('no 429 within 200 calls');
}
