import { afterEach, describe, expect, it } from 'vitest';

import {
  policy,
  startTestGateway,
  SUBSCRIPTION_KEY,
  type TestGateway,
} from '../../test-fixtures/test-gateway.js';

let current: TestGateway | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function gatewayWith(
  options: Parameters<typeof startTestGateway>[0] = {},
): Promise<TestGateway> {
  current = await startTestGateway(options);
  return current;
}

describe('subscription keys (APIM built-in checks)', () => {
  it('401 with the missing-key message when no key is sent', async () => {
    const gw = await gatewayWith();
    const response = await gw.call('/api/health', { key: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      statusCode: 401,
      message:
        'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    });
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('401 with the invalid-key message for an unknown or suspended key', async () => {
    const gw = await gatewayWith();
    for (const key of ['nope', 'suspended-key']) {
      const response = await gw.call('/api/health', { key });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        statusCode: 401,
        message:
          'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
      });
    }
  });

  it('accepts the subscription-key query parameter when the header is absent, and the secondary key', async () => {
    const gw = await gatewayWith();
    expect(
      (await gw.call(`/api/health?subscription-key=${SUBSCRIPTION_KEY}`, { key: null })).status,
    ).toBe(200);
    expect((await gw.call('/api/health', { key: 'test-secondary-key' })).status).toBe(200);
  });

  it('checks the header first: a bad header key fails even with a good query key', async () => {
    const gw = await gatewayWith();
    const response = await gw.call(`/api/health?subscription-key=${SUBSCRIPTION_KEY}`, {
      key: 'wrong',
    });
    expect(response.status).toBe(401);
  });

  it('lets keyless calls through when subscriptionRequired is false', async () => {
    const gw = await gatewayWith({ api: { subscriptionRequired: false } });
    expect((await gw.call('/api/health', { key: null })).status).toBe(200);
  });

  it('forwards the subscription key to the backend unless a policy deletes it (like APIM)', async () => {
    const gw = await gatewayWith();
    await gw.call(`/api/health?subscription-key=${SUBSCRIPTION_KEY}`);
    const [request] = gw.backend.requests;
    expect(request?.headers['ocp-apim-subscription-key']).toBe(SUBSCRIPTION_KEY);
    expect(request?.url).toBe(`/api/health?subscription-key=${SUBSCRIPTION_KEY}`);
  });
});

describe('operation matching from the OpenAPI document', () => {
  it('404 Resource not found when no operation matches', async () => {
    const gw = await gatewayWith();
    for (const [path, method] of [
      ['/api/nothing', 'GET'],
      ['/api/health', 'POST'],
      ['/other/health', 'GET'],
    ] as const) {
      const response = await gw.call(path, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: 404, message: 'Resource not found' });
    }
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('prefers a literal template over a parameter (/catalog/featured vs /catalog/{item_id})', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        outbound: `<base /><set-header name="x-op" exists-action="override"><value>@(context.Operation.Id + ":" + context.Request.MatchedParameters.GetValueOrDefault("item_id", "-"))</value></set-header>`,
      }),
    });
    expect((await gw.call('/api/catalog/featured')).headers.get('x-op')).toBe('getFeaturedItems:-');
    expect((await gw.call('/api/catalog/a%20b')).headers.get('x-op')).toBe('getCatalogItem:a b');
  });
});

describe('forwarding to the backend', () => {
  it('forwards method, path, query and body, appends X-Forwarded-For and passes the response through', async () => {
    const gw = await gatewayWith();
    gw.backend.respondWith((request, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json', 'x-backend': 'yes' });
      res.end(JSON.stringify({ got: request.body }));
    });
    const response = await gw.call('/api/catalog?x=1', {
      method: 'POST',
      body: '{"name":"a"}',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-backend')).toBe('yes');
    expect(await response.json()).toEqual({ got: '{"name":"a"}' });
    const [request] = gw.backend.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/catalog?x=1');
    expect(request?.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('passes backend 4xx/5xx through unchanged by default', async () => {
    const gw = await gatewayWith();
    gw.backend.respondWith((_request, res) => {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('busy');
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('busy');
  });

  it('500 with activityId when the backend is unreachable', async () => {
    const gw = await gatewayWith({ api: { serviceUrl: 'http://127.0.0.1:1' } });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(500);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: 500,
      message: 'Internal server error',
      activityId: expect.any(String),
    });
    expect(body['activityId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('500 when no backend is configured and no policy sets one', async () => {
    const gw = await gatewayWith({ useServiceUrl: false });
    expect((await gw.call('/api/health')).status).toBe(500);
  });
});
